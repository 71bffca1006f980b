import type fc from 'fast-check';
import {
  aim,
  canAim,
  describeDelete,
  runConsentDelete,
  type DeleteRequest,
  type DeleteTarget,
} from './consentDeletes.js';
import type { ConsentsModel, ConsentsReal } from './model.js';

/**
 * DELETE /v1/consents/me/clients/{clientId}[?consent_id=] with the user's own token (the user of the target).
 */
export class RevokeMyConsentsCommand implements fc.AsyncCommand<ConsentsModel, ConsentsReal> {
  /** What the target resolved to in the last run (for the description). */
  private aimed: DeleteRequest | undefined;

  constructor(readonly target: DeleteTarget) {}

  check(model: Readonly<ConsentsModel>): boolean {
    return canAim(this.target, model);
  }

  async run(model: ConsentsModel, real: ConsentsReal): Promise<void> {
    const aimed = aim(this.target, model);
    this.aimed = aimed;
    const consentId = aimed.consent ? { consentId: aimed.consent.id } : {};
    await runConsentDelete('ME-CONSENTS-REVOKE', model, real, aimed, async () => {
      const token = await real.userToken(aimed.user);
      return (await real.cis.revokeMyConsent(token, real.clients[aimed.client], consentId)).response;
    });
  }

  toString(): string {
    return `me-revoke ${describeDelete(this.target, this.aimed)}`;
  }
}
