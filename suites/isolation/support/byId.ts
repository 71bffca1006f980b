/**
 * Isolation of the operations that address one client or consent by id (get, update, delete, resources; consent
 * get and delete): another app's and another tenant's tokens neither read nor change nor delete it — the owner
 * re-reads it afterwards — and are answered 404, as for an unknown id (decisions.md #12).
 */
import { check, type CheckContext, type CheckCredential, type TargetResponse } from '../../../src/suite/index.js';
import { cisOf } from '../../support/cis.js';
import { OP, OPERATION_RECIPES, type OperationKey, type PreparedOperation } from '../../support/operationRecipes.js';
import { fullAccessToken } from '../../support/ownerAccess.js';
import { answerSummary, is2xx } from '../../support/rejection.js';
import { allIntruders, castFor, expectRefused, expectUnchanged, intrudersOf, type Intruder } from './cast.js';

/** One way for an intruder to aim at the prepared resource. */
type Attempt = (c: CheckContext, op: PreparedOperation, token: CheckCredential) => Promise<TargetResponse>;

const asPrepared: Attempt = (_c, op, token) => op.request(token);

/** A user's consents for a client, narrowed to the one consent_id: a lookup by that id must still check the app. */
const byConsentId: Attempt = async (c, op, token) =>
  (await cisOf(c).deleteUserConsents(token, op.clientId ?? '', op.userId, { consentId: op.consentId })).response;

const ATTEMPTS: Partial<Record<OperationKey, readonly Attempt[]>> = {
  [OP.CONSENTS_DELETE_USER]: [asPrepared, byConsentId],
};

const RULE_CELLS = { 'OTHER-APP': 'another app', 'OTHER-TENANT': 'another tenant' } as const;

export function registerByIdIsolation(key: OperationKey, noun: 'client' | 'consent'): void {
  const recipe = OPERATION_RECIPES[key];
  const attempts = ATTEMPTS[key] ?? [asPrepared];
  const verb = recipe.method === 'GET' ? 'read' : recipe.method === 'DELETE' ? 'deleted' : 'changed';
  for (const rule of ['OTHER-APP', 'OTHER-TENANT'] as const) {
    const title = `a ${noun} of ${RULE_CELLS[rule]} cannot be ${verb}`;
    check(
      { requirement: `${key}-ISOLATION-${rule}`, title, cell: RULE_CELLS[rule], needsStateHook: recipe.needsStateHook },
      async (c) => {
        const cast = await castFor(c);
        const op = await recipe.prepare(c, cast.owner);
        for (const intruder of intrudersOf(cast, rule)) {
          for (const attempt of attempts) await intrude(c, op, intruder, attempt, recipe.method === 'DELETE');
        }
      },
    );
  }
  const title = `another app's or tenant's ${noun} is answered 404, as an unknown id`;
  check(
    { requirement: `${key}-ISOLATION-404`, title, cell: 'foreign id → 404', needsStateHook: recipe.needsStateHook },
    async (c) => {
      const cast = await castFor(c);
      let op = await recipe.prepare(c, cast.owner);
      for (const intruder of allIntruders(cast)) {
        const res = await op.request(await fullAccessToken(c, intruder.app, key));
        c.expect.that(res.status === 404, {
          expected: `404 for ${intruder.label}, as for an unknown id`,
          observed: answerSummary(res),
        });
        if (is2xx(res) && recipe.consumedOnSuccess) op = await recipe.prepare(c, cast.owner);
      }
    },
  );
}

/**
 * One intrusion: reads and updates must be refused (a 2xx would hand over the owner's data); a delete may answer
 * as it likes as long as the owner's re-read shows nothing changed.
 */
async function intrude(
  c: CheckContext,
  op: PreparedOperation,
  intruder: Intruder,
  attempt: Attempt,
  isDelete: boolean,
): Promise<void> {
  const before = await op.snapshot();
  const res = await attempt(c, op, await fullAccessToken(c, intruder.app, op.key));
  if (!isDelete) expectRefused(c, res, intruder.label);
  if (before !== undefined) expectUnchanged(c, before, await op.snapshot(), intruder.label);
}
