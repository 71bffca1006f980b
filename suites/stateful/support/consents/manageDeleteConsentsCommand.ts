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
 * DELETE /v1/manage/consents/clients/{clientId}/users/{userId}?app_id=[&consent_id=], app_id the token's own app.
 */
export class ManageDeleteConsentsCommand implements fc.AsyncCommand<ConsentsModel, ConsentsReal> {
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
    await runConsentDelete('MANAGE-CONSENTS-DELETE', model, real, aimed, async () => {
      const res = await real.cis.deleteClientConsents(real.remove, real.clients[aimed.client], real.users[aimed.user], {
        appId: real.appId,
        ...consentId,
      });
      return res.response;
    });
  }

  toString(): string {
    return `manage-delete ${describeDelete(this.target, this.aimed)}`;
  }
}
