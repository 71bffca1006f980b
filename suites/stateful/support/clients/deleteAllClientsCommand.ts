import type fc from 'fast-check';
import { OP } from '../../../support/operationAuth.js';
import { aliveClients, expectAnswered, type ClientsModel, type ClientsReal } from './model.js';
import { readBack } from './readBack.js';

/**
 * DELETE /v1/clients: every client of the app goes (the default one too), from the listing and by id at once; on an
 * empty app, 404 (decisions #19).
 */
export class DeleteAllClientsCommand implements fc.AsyncCommand<ClientsModel, ClientsReal> {
  check(): boolean {
    return true;
  }

  async run(model: ClientsModel, real: ClientsReal): Promise<void> {
    const alive = aliveClients(model);
    const deleted = await real.cis.deleteAllClients(real.token);
    expectAnswered(model, real, deleted.response, OP.CLIENTS_DELETE_ALL);
    if (alive.length === 0) {
      real.expect.status(deleted.response, 404, { requirement: 'CLIENTS-DELETE-ALL-404-EMPTY-APP' });
      return;
    }
    real.expect.status(deleted.response, '2xx', { requirement: 'CLIENTS-DELETE-ALL-204' });
    for (const client of alive) client.gone = 'delete-all';
    model.tokenClientGone = true;
    const [first] = alive;
    if (first) await readBack(model, real, first);
  }

  toString(): string {
    return 'delete-all';
  }
}
