import type { CheckContext, CheckExpect } from '../../../../src/suite/index.js';
import { cisOf } from '../../../support/cis.js';
import { clientsSession } from '../../../support/clients.js';
import { initialClientsModel, type ClientsModel, type ClientsReal } from './model.js';

/** Each sequence starts from a fresh app (its own tenant): the model then knows every client it holds. */
export async function clientsSetup(
  c: CheckContext,
  expect: CheckExpect,
): Promise<{ model: ClientsModel; real: ClientsReal }> {
  const session = await clientsSession(c);
  return {
    model: initialClientsModel(session.app.clientId),
    real: {
      expect,
      cis: cisOf(c),
      token: session.token,
      newName: () => c.fixtures.id('model-client'),
      skip: (reason) => c.skip(reason),
    },
  };
}
