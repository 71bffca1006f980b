/**
 * Model-based test of the Consents operations: random sequences of consent set-ups (state hook), deletes by client
 * and user with and without `consent_id`, manage deletes, `/me` revokes and every listing, on a fresh app, the
 * target compared with the model (support/consents/model.ts) after every command. A failure shrinks to the few
 * commands that show it, printed with the seed and a replay command.
 */
import fc from 'fast-check';
import { check } from '../../src/suite/index.js';
import { checkModel } from '../../src/suite/property.js';
import { DeleteUserConsentsCommand } from './support/consents/deleteUserConsentsCommand.js';
import { ListConsentsCommand } from './support/consents/listConsentsCommand.js';
import { ListMyConsentsCommand } from './support/consents/listMyConsentsCommand.js';
import { ManageDeleteConsentsCommand } from './support/consents/manageDeleteConsentsCommand.js';
import { RevokeMyConsentsCommand } from './support/consents/revokeMyConsentsCommand.js';
import { consentsSetup } from './support/consents/setup.js';
import { SetupConsentCommand } from './support/consents/setupConsentCommand.js';

const REQUIREMENT = 'CONSENTS-LIST-STATEFUL-MODEL';

const client = fc.constantFrom('A' as const, 'B' as const);
const user = fc.constantFrom('U1' as const, 'U2' as const);
/** A known consent for `consent_id` (wrapped modulo their number), or none. */
const consentSlot = fc.option(fc.nat(7), { nil: null });
const filter = fc.record({ client, user }, { requiredKeys: [] });

const COMMANDS = [
  fc
    .tuple(client, user, fc.constantFrom('openid', 'openid profile'))
    .map(([c, u, scope]) => new SetupConsentCommand(c, u, scope)),
  fc.tuple(client, user, consentSlot).map(([c, u, slot]) => new DeleteUserConsentsCommand(c, u, slot)),
  fc.tuple(client, user, consentSlot).map(([c, u, slot]) => new ManageDeleteConsentsCommand(c, u, slot)),
  fc.tuple(user, client, consentSlot).map(([u, c, slot]) => new RevokeMyConsentsCommand(u, c, slot)),
  fc
    .tuple(fc.constantFrom('consents' as const, 'manage' as const), filter)
    .map(([kind, f]) => new ListConsentsCommand(kind, f)),
  user.map((u) => new ListMyConsentsCommand(u)),
];

check(
  {
    requirement: REQUIREMENT,
    title: 'after any sequence of consent set-ups, deletes and revokes, every listing agrees with a model of the app',
    needsStateHook: true,
  },
  (c) =>
    checkModel(c, {
      requirement: REQUIREMENT,
      commands: COMMANDS,
      maxCommands: 10,
      runsShare: 0.5,
      setup: (expect) => consentsSetup(c, expect),
    }),
);
