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
 * DELETE /v1/consents/clients/{clientId}/users/{userId}[?consent_id=] with a client token of the app.
 */
export class DeleteUserConsentsCommand implements fc.AsyncCommand<ConsentsModel, ConsentsReal> {
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
    await runConsentDelete('CONSENTS-DELETE-USER', model, real, aimed, async () => {
      const res = await real.cis.deleteUserConsents(
        real.remove,
        real.clients[aimed.client],
        real.users[aimed.user],
        consentId,
      );
      return res.response;
    });
  }

  toString(): string {
    return `delete-user ${describeDelete(this.target, this.aimed)}`;
  }
}
