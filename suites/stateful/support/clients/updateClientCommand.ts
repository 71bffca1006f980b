import type fc from 'fast-check';
import type { ClientUpdateInput } from '../../../../src/client/index.js';
import { OP } from '../../../support/operationAuth.js';
import {
  applyUpdate,
  clientAt,
  expectAnswered,
  expectClientHolds,
  goneRule,
  type ClientsModel,
  type ClientsReal,
  type JsonObject,
} from './model.js';
import { readBack } from './readBack.js';

/**
 * PUT /v1/clients/{id} with `patch`: a known client changes as decisions.md #16 says, by id and in the listing at
 * once; a removed one is a 404.
 */
export class UpdateClientCommand implements fc.AsyncCommand<ClientsModel, ClientsReal> {
  private label = '';

  constructor(
    readonly slot: number,
    readonly patch: JsonObject,
  ) {}

  check(): boolean {
    return true;
  }

  async run(model: ClientsModel, real: ClientsReal): Promise<void> {
    const client = clientAt(model, this.slot);
    this.label = client.label;
    const updated = await real.cis.updateClient(real.token, client.id, this.patch as ClientUpdateInput);
    expectAnswered(model, real, updated.response, OP.CLIENTS_UPDATE);
    if (client.gone !== undefined) {
      real.expect.status(updated.response, 404, { requirement: goneRule(client) });
      return;
    }
    real.expect.status(updated.response, 200, { requirement: 'CLIENTS-UPDATE-200' });
    applyUpdate(client, this.patch, 'update');
    expectClientHolds(real.expect, client, updated.body, 'answer');
    await readBack(model, real, client);
  }

  toString(): string {
    return `update ${this.label || `slot ${this.slot}`} ${JSON.stringify(this.patch)}`;
  }
}
