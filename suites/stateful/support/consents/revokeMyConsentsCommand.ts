import type fc from 'fast-check';
import { describeDelete, runConsentDelete } from './consentDeletes.js';
import {
  consentAt,
  type ClientKey,
  type ConsentsModel,
  type ConsentsReal,
  type ModelConsent,
  type UserKey,
} from './model.js';

/** DELETE /v1/consents/me/clients/{clientId} with `user`'s own token; `slot` picks a consent for `consent_id`. */
export class RevokeMyConsentsCommand implements fc.AsyncCommand<ConsentsModel, ConsentsReal> {
  /** The consent `slot` resolved to in the last run (for the description). */
  consent: ModelConsent | undefined;

  constructor(
    readonly user: UserKey,
    readonly client: ClientKey,
    readonly slot: number | null,
  ) {}

  check(model: Readonly<ConsentsModel>): boolean {
    return this.slot === null || model.consents.length > 0;
  }

  async run(model: ConsentsModel, real: ConsentsReal): Promise<void> {
    this.consent = this.slot === null ? undefined : consentAt(model, this.slot);
    const consentId = this.consent?.id;
    const request = { client: this.client, user: this.user, ...(this.consent ? { consent: this.consent } : {}) };
    const token = await real.userToken(this.user);
    await runConsentDelete('ME-CONSENTS-REVOKE', model, real, request, async () => {
      return (await real.cis.revokeMyConsent(token, real.clients[this.client], consentId ? { consentId } : {}))
        .response;
    });
  }

  toString(): string {
    return `me-revoke ${describeDelete(this, this.slot)}`;
  }
}
