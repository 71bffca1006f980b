import { OP } from '../../../support/operationAuth.js';
import { ConsentDeleteCommand, type DeleteRequest } from './consentDeletes.js';
import type { ConsentsReal } from './model.js';

/**
 * DELETE /v1/consents/me/clients/{clientId}[?consent_id=] with the user's own token (the user of the target).
 */
export class RevokeMyConsentsCommand extends ConsentDeleteCommand {
  protected readonly key = OP.ME_CONSENTS_REVOKE;
  protected readonly label = 'me-revoke';

  protected async send(real: ConsentsReal, aimed: DeleteRequest, consentId: { consentId?: string }) {
    const token = await real.userToken(aimed.user);
    return (await real.cis.revokeMyConsent(token, real.clients[aimed.client], consentId)).response;
  }
}
