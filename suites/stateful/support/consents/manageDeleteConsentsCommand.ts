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

/**
 * DELETE /v1/manage/consents/clients/{clientId}/users/{userId}?app_id= (the app's own id) with a client token;
 * `slot` picks a known consent for `consent_id`, or null for none.
 */
export class ManageDeleteConsentsCommand implements fc.AsyncCommand<ConsentsModel, ConsentsReal> {
  /** The consent `slot` resolved to in the last run (for the description). */
  consent: ModelConsent | undefined;

  constructor(
    readonly client: ClientKey,
    readonly user: UserKey,
    readonly slot: number | null,
  ) {}

  check(model: Readonly<ConsentsModel>): boolean {
    return this.slot === null || model.consents.length > 0;
  }

  async run(model: ConsentsModel, real: ConsentsReal): Promise<void> {
    this.consent = this.slot === null ? undefined : consentAt(model, this.slot);
    const consentId = this.consent?.id;
    const request = { client: this.client, user: this.user, ...(this.consent ? { consent: this.consent } : {}) };
    await runConsentDelete(
      'MANAGE-CONSENTS-DELETE',
      model,
      real,
      request,
      async () =>
        (
          await real.cis.deleteClientConsents(real.remove, real.clients[this.client], real.users[this.user], {
            appId: real.appId,
            ...(consentId ? { consentId } : {}),
          })
        ).response,
    );
  }

  toString(): string {
    return `manage-delete ${describeDelete(this, this.slot)}`;
  }
}
