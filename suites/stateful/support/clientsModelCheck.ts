/**
 * The Clients model-based check: the command generators (small value domains, so a shrunk sequence reads well)
 * wired to the property helper. Commands are in support/clients/, one class per file; the model in model.ts. Every
 * write is followed at once by a read of the touched client by id and of the listing (readBack.ts); the get and list
 * commands read again later in the sequence.
 */
import fc from 'fast-check';
import type { CheckContext } from '../../../src/suite/index.js';
import { checkModel } from '../../../src/suite/property.js';
import { CreateClientCommand } from './clients/createClientCommand.js';
import { DeleteAllClientsCommand } from './clients/deleteAllClientsCommand.js';
import { DeleteClientCommand } from './clients/deleteClientCommand.js';
import { GetClientCommand } from './clients/getClientCommand.js';
import { ListClientsCommand } from './clients/listClientsCommand.js';
import { clientsSetup } from './clients/setup.js';
import { UpdateClientCommand } from './clients/updateClientCommand.js';
import { UpdateResourcesCommand } from './clients/updateResourcesCommand.js';

export const CLIENTS_MODEL_REQUIREMENT = 'CLIENTS-LIST-STATEFUL-MODEL';

/** Any client the model knows (wrapped modulo their number), the removed ones included. */
const slot = fc.nat(7);
// Values no service would pick as defaults, so an old object member that survives a PUT shows.
const tokenExpiration = fc.record(
  {
    access_token_ttl: fc.constantFrom(601, 1801),
    refresh_token_ttl: fc.constantFrom(7201, 86401),
    max_refresh_rotate: fc.constantFrom(3, 5),
  },
  { requiredKeys: [] },
);
const ciba = fc.record(
  { enabled: fc.boolean(), login_uri: fc.constantFrom('https://ciba.example.test/a', 'https://ciba.example.test/b') },
  { requiredKeys: ['enabled'] },
);
const description = fc.constantFrom('alpha', 'beta');
const redirectUris = fc.constantFrom(
  ['https://app.example.test/a'],
  ['https://app.example.test/a', 'https://app.example.test/b'],
);

const COMMANDS = [
  fc
    .record({ description, token_expiration: tokenExpiration, ciba_authorization: ciba }, { requiredKeys: [] })
    .map((extra) => new CreateClientCommand(extra)),
  fc
    .tuple(
      slot,
      fc.record(
        { description, redirect_uris: redirectUris, token_expiration: tokenExpiration, ciba_authorization: ciba },
        { requiredKeys: [] },
      ),
    )
    .map(([at, patch]) => new UpdateClientCommand(at, patch)),
  fc
    .tuple(slot, fc.uniqueArray(fc.constantFrom('res-a', 'res-b', 'res-c'), { maxLength: 3 }))
    .map(([at, ids]) => new UpdateResourcesCommand(at, ids)),
  slot.map((at) => new GetClientCommand(at)),
  fc.constant(null).map(() => new ListClientsCommand()),
  slot.map((at) => new DeleteClientCommand(at)),
  fc.constant(null).map(() => new DeleteAllClientsCommand()),
];

/** The check body: the sequences run through the property helper (src/suite/property.ts). */
export function clientsModelCheck(c: CheckContext): Promise<void> {
  if (c.config.live) {
    // Live mode has one app, and the sequences delete its default client and call delete-all.
    c.skip('live mode: the model-based sequences need a fresh app each and delete every client of it');
  }
  return checkModel(c, {
    requirement: CLIENTS_MODEL_REQUIREMENT,
    commands: COMMANDS,
    maxCommands: 12,
    runsShare: 1,
    setup: (expect) => clientsSetup(c, expect),
  });
}
