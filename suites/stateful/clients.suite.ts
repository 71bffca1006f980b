/**
 * Model-based test of the Clients operations: random sequences of create, update, resources, get, list, delete
 * and delete-all on a fresh app, the target compared with the model (support/clients/model.ts) after every
 * command. A failure shrinks to the few commands that show it, printed with the seed and a replay command.
 */
import fc from 'fast-check';
import { check } from '../../src/suite/index.js';
import { checkModel } from '../../src/suite/property.js';
import { CreateClientCommand } from './support/clients/createClientCommand.js';
import { DeleteAllClientsCommand } from './support/clients/deleteAllClientsCommand.js';
import { DeleteClientCommand } from './support/clients/deleteClientCommand.js';
import { GetClientCommand } from './support/clients/getClientCommand.js';
import { ListClientsCommand } from './support/clients/listClientsCommand.js';
import { clientsSetup } from './support/clients/setup.js';
import { UpdateClientCommand } from './support/clients/updateClientCommand.js';
import { UpdateResourcesCommand } from './support/clients/updateResourcesCommand.js';

const REQUIREMENT = 'CLIENTS-LIST-STATEFUL-MODEL';

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

check(
  {
    requirement: REQUIREMENT,
    title: 'after any sequence of Clients operations, get and list agree with a model of the app',
  },
  (c) =>
    checkModel(c, {
      requirement: REQUIREMENT,
      commands: COMMANDS,
      maxCommands: 10,
      runsShare: 0.5,
      setup: (expect) => clientsSetup(c, expect),
    }),
);
