import type fc from 'fast-check';
import { OP } from '../../../support/operationAuth.js';
import {
  applyUpdate,
  clientAt,
  expectAnswered,
  expectClientHolds,
  goneRule,
  type ClientsModel,
  type ClientsReal,
} from './model.js';
import { readBack } from './readBack.js';

/** PUT /v1/clients/{id}/resources: the client's resources become exactly `resourceIds` (decisions.md #17), read back at once. */
export class UpdateResourcesCommand implements fc.AsyncCommand<ClientsModel, ClientsReal> {
  private label = '';

  constructor(
    readonly slot: number,
    readonly resourceIds: readonly string[],
  ) {}

  check(): boolean {
    return true;
  }

  async run(model: ClientsModel, real: ClientsReal): Promise<void> {
    const client = clientAt(model, this.slot);
    this.label = client.label;
    const updated = await real.cis.updateClientResources(real.token, client.id, this.resourceIds);
    expectAnswered(model, real, updated.response, OP.CLIENTS_RESOURCES);
    if (client.gone !== undefined) {
      real.expect.status(updated.response, 404, { requirement: goneRule(client) });
      return;
    }
    real.expect.status(updated.response, 200, { requirement: 'CLIENTS-RESOURCES-200' });
    applyUpdate(client, { resources: [...this.resourceIds] }, 'resources');
    expectClientHolds(real.expect, client, updated.body, 'answer');
    await readBack(model, real, client);
  }

  toString(): string {
    return `resources ${this.label || `slot ${this.slot}`} ${JSON.stringify(this.resourceIds)}`;
  }
}
