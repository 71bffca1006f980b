/**
 * The Consents model-based check: the command generators wired to the property helper. Commands are in
 * support/consents/, one class per file; the model in model.ts.
 */
import fc from 'fast-check';
import type { CheckContext } from '../../../src/suite/index.js';
import { checkModel } from '../../../src/suite/property.js';
import { DeleteUserConsentsCommand } from './consents/deleteUserConsentsCommand.js';
import { ListConsentsCommand } from './consents/listConsentsCommand.js';
import { ListMyConsentsCommand } from './consents/listMyConsentsCommand.js';
import { ManageDeleteConsentsCommand } from './consents/manageDeleteConsentsCommand.js';
import { RevokeMyConsentsCommand } from './consents/revokeMyConsentsCommand.js';
import { consentsSetup } from './consents/setup.js';
import { SetupConsentCommand } from './consents/setupConsentCommand.js';

export const CONSENTS_MODEL_REQUIREMENT = 'CONSENTS-LIST-STATEFUL-MODEL';

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

/** The check body: the sequences run through the property helper (src/suite/property.ts). */
export function consentsModelCheck(c: CheckContext): Promise<void> {
  return checkModel(c, {
    requirement: CONSENTS_MODEL_REQUIREMENT,
    commands: COMMANDS,
    maxCommands: 10,
    runsShare: 0.5,
    setup: (expect) => consentsSetup(c, expect),
  });
}
