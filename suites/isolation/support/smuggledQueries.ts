/**
 * Scope smuggled through the query (docs/decisions.md #29): each intruder performs the operation on the owner's
 * clients or consents — their ids in the path — adding `app_id` and `tenant_id` that name the owner's app and
 * tenant. The scope must come from the token, so nothing of the owner's may be read or changed.
 *
 * Every intruder sends both fields at once (a target that honours either one is caught by one request each), so the
 * 14 checks cost three requests per operation instead of a sample of field combinations that could miss one. The
 * manage endpoints document `app_id`: there the intruder names its own app, and only `tenant_id` is smuggled.
 */
import { fillPath } from '../../../src/client/index.js';
import { check, type CheckContext, type SendRequest, type TargetResponse } from '../../../src/suite/index.js';
import { OP, OPERATION_KEYS, OPERATION_RECIPES, type OperationKey } from '../../support/operationRecipes.js';
import { CALLBACK_URI, createClientAsOwner, fullAccessToken } from '../../support/ownerAccess.js';
import { resultOf } from '../../support/envelope.js';
import { answerSummary, is2xx } from '../../support/rejection.js';
import { allIntruders, castFor, expectUnchanged, type Intruder, type IsolationCast } from './cast.js';

/** What the owner has that the intruder must not reach. */
interface Victim {
  readonly clientId?: string;
  readonly consentId?: string;
  readonly userId: string;
  /** The id a read must not return (`client_id` or `consent_id`), for the read operations. */
  readonly watched?: { readonly field: 'client_id' | 'consent_id'; readonly id: string };
  /** The owner's re-read of what a write could change (same string before and after = untouched). */
  readonly snapshot?: () => Promise<string | undefined>;
}

const MANAGE = new Set<OperationKey>([OP.MANAGE_CONSENTS_LIST, OP.MANAGE_CONSENTS_DELETE]);

const BODIES: Partial<Record<OperationKey, (c: CheckContext) => unknown>> = {
  [OP.CLIENTS_CREATE]: (c) => ({ name: c.fixtures.id('smuggler'), redirect_uris: [CALLBACK_URI] }),
  [OP.CLIENTS_UPDATE]: (c) => ({ description: c.fixtures.id('smuggled') }),
  [OP.CLIENTS_RESOURCES]: (c) => ({ resource_ids: [c.fixtures.id('smuggled-resource')] }),
};

async function victimOf(c: CheckContext, key: OperationKey, cast: IsolationCast): Promise<Victim> {
  const recipe = OPERATION_RECIPES[key];
  const op = await recipe.prepare(c, cast.owner);
  // The list and create recipes set up no client of their own: the owner gets one to be protected.
  const listed = !recipe.mutates && key.startsWith('CLIENTS-');
  const clientId = op.clientId ?? (listed ? await createClientAsOwner(c, cast.owner) : undefined);
  const base = {
    userId: op.userId,
    ...(clientId !== undefined ? { clientId } : {}),
    ...(op.consentId !== undefined ? { consentId: op.consentId } : {}),
  };
  if (recipe.mutates) return { ...base, snapshot: () => op.snapshot() };
  const watched = op.consentId !== undefined ? { field: 'consent_id' as const, id: op.consentId } : undefined;
  return { ...base, watched: watched ?? { field: 'client_id', id: clientId ?? '' } };
}

async function smuggle(c: CheckContext, key: OperationKey, victim: Victim, intruder: Intruder, cast: IsolationCast) {
  const recipe = OPERATION_RECIPES[key];
  const token =
    recipe.documentedTokenType === 'user'
      ? await c.tokens.user({ app: intruder.app, userId: victim.userId })
      : await fullAccessToken(c, intruder.app, key);
  const query = MANAGE.has(key)
    ? { app_id: intruder.app.appId, tenant_id: cast.owner.tenantId }
    : { app_id: cast.owner.appId, tenant_id: cast.owner.tenantId };
  const params = { clientId: victim.clientId ?? '', consentId: victim.consentId ?? '', userId: victim.userId };
  const body = BODIES[key];
  const request: SendRequest = {
    method: recipe.method,
    path: fillPath(recipe.path, params),
    query,
    token,
    ...(body ? { body: body(c) } : {}),
  };
  return { res: await c.send(request), query };
}

/** A read answer holds the owner's record: a list naming its id, or a single record with it. */
function leaked(res: TargetResponse, watched: NonNullable<Victim['watched']>): boolean {
  if (!is2xx(res)) return false;
  const body = resultOf(res);
  const items = Array.isArray(body) ? body : [body];
  return items.some(
    (item) =>
      item !== null && typeof item === 'object' && (item as Record<string, unknown>)[watched.field] === watched.id,
  );
}

export function registerSmuggledQueries(): void {
  for (const key of OPERATION_KEYS) {
    const recipe = OPERATION_RECIPES[key];
    const fields = MANAGE.has(key) ? 'tenant_id' : 'app_id and tenant_id';
    check(
      {
        requirement: `${key}-ISOLATION-QUERY`,
        title: `${fields} naming the owner's app in the query reach nothing of the owner's`,
        cell: 'query scope',
        needsStateHook: recipe.needsStateHook,
      },
      async (c) => {
        const cast = await castFor(c);
        const victim = await victimOf(c, key, cast);
        for (const intruder of allIntruders(cast)) {
          const before = victim.snapshot ? await victim.snapshot() : undefined;
          const { res, query } = await smuggle(c, key, victim, intruder, cast);
          const who = `${intruder.label} sending ?${new URLSearchParams(query).toString()}`;
          if (victim.snapshot) {
            expectUnchanged(c, before, await victim.snapshot(), `${who} (${answerSummary(res)})`);
          } else if (victim.watched) {
            const { field, id } = victim.watched;
            c.expect.that(!leaked(res, victim.watched), {
              expected: `${who} to be shown nothing with ${field} ${id}`,
              observed: answerSummary(res),
            });
          }
        }
      },
    );
  }
}
