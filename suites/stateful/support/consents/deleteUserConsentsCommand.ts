import { OP } from '../../../support/operationAuth.js';
import { ConsentDeleteCommand, type DeleteRequest } from './consentDeletes.js';
import type { ConsentsReal } from './model.js';

/**
 * DELETE /v1/consents/clients/{clientId}/users/{userId}[?consent_id=] with a client token of the app.
 */
export class DeleteUserConsentsCommand extends ConsentDeleteCommand {
  protected readonly key = OP.CONSENTS_DELETE_USER;
  protected readonly label = 'delete-user';

  protected async send(real: ConsentsReal, aimed: DeleteRequest, consentId: { consentId?: string }) {
    const res = await real.cis.deleteUserConsents(
      real.remove,
      real.clients[aimed.client],
      real.users[aimed.user],
      consentId,
    );
    return res.response;
  }
}
