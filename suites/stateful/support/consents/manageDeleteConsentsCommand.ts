import { OP } from '../../../support/operationAuth.js';
import { ConsentDeleteCommand, type DeleteRequest } from './consentDeletes.js';
import type { ConsentsReal } from './model.js';

/**
 * DELETE /v1/manage/consents/clients/{clientId}/users/{userId}?app_id=[&consent_id=], app_id the token's own app.
 */
export class ManageDeleteConsentsCommand extends ConsentDeleteCommand {
  protected readonly key = OP.MANAGE_CONSENTS_DELETE;
  protected readonly label = 'manage-delete';

  protected async send(real: ConsentsReal, aimed: DeleteRequest, consentId: { consentId?: string }) {
    const res = await real.cis.deleteClientConsents(real.remove, real.clients[aimed.client], real.users[aimed.user], {
      appId: real.appId,
      ...consentId,
    });
    return res.response;
  }
}
