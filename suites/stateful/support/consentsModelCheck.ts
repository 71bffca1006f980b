/**
 * The Consents model-based check: the command generators wired to the property helper. Commands are in
 * support/consents/, one class per file; the model in model.ts. Every write (set-up, the three deletes) is followed
 * at once by every read path (readBack.ts); the read commands (filtered lists, `/me` of either user, get by id)
 * read again later in the sequence.
 */
import fc from 'fast-check';
import type { CheckContext } from '../../../src/suite/index.js';
import { checkModel } from '../../../src/suite/property.js';
import type { DeleteTarget } from './consents/consentDeletes.js';
import { DeleteUserConsentsCommand } from './consents/deleteUserConsentsCommand.js';
import { GetConsentCommand } from './consents/getConsentCommand.js';
import { ListConsentsCommand } from './consents/listConsentsCommand.js';
import { ListMyConsentsCommand } from './consents/listMyConsentsCommand.js';
import { ManageDeleteConsentsCommand } from './consents/manageDeleteConsentsCommand.js';
import { RevokeMyConsentsCommand } from './consents/revokeMyConsentsCommand.js';
import { consentsSetup } from './consents/setup.js';
import { SetupConsentCommand } from './consents/setupConsentCommand.js';

export const CONSENTS_MODEL_REQUIREMENT = 'CONSENTS-LIST-STATEFUL-MODEL';

const client = fc.constantFrom('A' as const, 'B' as const);
const user = fc.constantFrom('U1' as const, 'U2' as const);
/** All of a pair, one consent by id, or a pair with some consent's id: see DeleteTarget. */
const deleteTarget: fc.Arbitrary<DeleteTarget> = fc.oneof(
  { arbitrary: fc.tuple(client, user).map(([c, u]) => ({ kind: 'pair' as const, client: c, user: u })), weight: 2 },
  { arbitrary: fc.nat(7).map((slot) => ({ kind: 'consent' as const, slot })), weight: 2 },
  {
    arbitrary: fc
      .tuple(client, user, fc.nat(7))
      .map(([c, u, slot]) => ({ kind: 'mismatch' as const, client: c, user: u, slot })),
    weight: 1,
  },
);
/** The four filter shapes equally often (fc.record with optional keys favours both keys). */
const filter = fc.oneof(
  fc.constant({}),
  client.map((c) => ({ client: c })),
  user.map((u) => ({ user: u })),
  fc.tuple(client, user).map(([c, u]) => ({ client: c, user: u })),
);

const setupConsent = fc
  .tuple(client, user, fc.constantFrom('openid', 'openid profile'))
  .map(([c, u, scope]) => new SetupConsentCommand(c, u, scope));

/** Set-ups twice, so that deletes and listings more often find consents to act on (fc.commands picks uniformly). */
const COMMANDS = [
  setupConsent,
  setupConsent,
  deleteTarget.map((target) => new DeleteUserConsentsCommand(target)),
  deleteTarget.map((target) => new ManageDeleteConsentsCommand(target)),
  deleteTarget.map((target) => new RevokeMyConsentsCommand(target)),
  fc
    .tuple(fc.constantFrom('consents' as const, 'manage' as const), filter)
    .map(([kind, f]) => new ListConsentsCommand(kind, f)),
  user.map((u) => new ListMyConsentsCommand(u)),
  fc.nat(7).map((slot) => new GetConsentCommand(slot)),
];

/**
 * Every write reads every path back at once, so a sequence costs about twice the requests it did without; fewer
 * sequences (this share of --runs) keep the default run within its request budget (issue 13: at most 1.5 times).
 */
const READ_BACK_RUNS_SHARE = 0.7;

/** The check body: the sequences run through the property helper (src/suite/property.ts). */
export function consentsModelCheck(c: CheckContext): Promise<void> {
  return checkModel(c, {
    requirement: CONSENTS_MODEL_REQUIREMENT,
    commands: COMMANDS,
    maxCommands: 12,
    runsShare: READ_BACK_RUNS_SHARE,
    setup: (expect) => consentsSetup(c, expect),
  });
}
