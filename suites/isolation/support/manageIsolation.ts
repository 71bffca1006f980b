/**
 * Isolation of the manage endpoints, which name their app in `app_id` (decisions.md #12): a client token naming
 * another app is refused with 403; no client token reaches another app's consents whatever app_id it sends; no
 * token, admin tokens included, reaches another tenant's.
 */
import { check, type CheckContext, type CheckCredential } from '../../../src/suite/index.js';
import { cisOf } from '../../support/cis.js';
import { OP, OPERATION_RECIPES, type PreparedOperation } from '../../support/operationRecipes.js';
import { fullAccessToken } from '../../support/ownerAccess.js';
import { answerSummary } from '../../support/rejection.js';
import { castFor, expectNotListed, expectUnchanged, type IsolationCast } from './cast.js';

const LIST = OPERATION_RECIPES[OP.MANAGE_CONSENTS_LIST];
const DELETE = OPERATION_RECIPES[OP.MANAGE_CONSENTS_DELETE];

/** A caller of the manage endpoints: a token and the app_id values it tries. */
interface ManageCaller {
  readonly label: string;
  readonly token: (key: typeof OP.MANAGE_CONSENTS_LIST | typeof OP.MANAGE_CONSENTS_DELETE) => Promise<CheckCredential>;
  readonly appIds: readonly string[];
}

function callersOf(c: CheckContext, cast: IsolationCast, rule: 'OTHER-APP' | 'OTHER-TENANT'): ManageCaller[] {
  const { owner, otherApp, otherTenants } = cast;
  if (rule === 'OTHER-APP') {
    return [
      {
        label: otherApp.label,
        token: (key) => fullAccessToken(c, otherApp.app, key),
        appIds: [owner.appId, otherApp.app.appId],
      },
    ];
  }
  return otherTenants.flatMap((intruder) => [
    { label: intruder.label, token: (key) => fullAccessToken(c, intruder.app, key), appIds: [owner.appId] },
    {
      label: `an admin token of the tenant of ${intruder.label}`,
      token: () => c.tokens.admin({ app: intruder.app }),
      appIds: [owner.appId],
    },
  ]);
}

function deleteAs(
  c: CheckContext,
  op: PreparedOperation,
  token: CheckCredential,
  options: { appId: string; consentId?: string },
) {
  return cisOf(c).deleteClientConsents(token, op.clientId ?? '', op.userId, options);
}

const CELLS = { 'OTHER-APP': 'another app', 'OTHER-TENANT': 'another tenant' } as const;

interface Attempt {
  readonly c: CheckContext;
  readonly cast: IsolationCast;
  readonly op: PreparedOperation;
  readonly caller: ManageCaller;
  readonly token: CheckCredential;
  readonly appId: string;
}

/** One check of `key` under `rule`: each caller, with its token for `key`, tries each of its app_id values. */
function isolationCheck(
  key: typeof OP.MANAGE_CONSENTS_LIST | typeof OP.MANAGE_CONSENTS_DELETE,
  rule: 'OTHER-APP' | 'OTHER-TENANT',
  title: string,
  attempt: (a: Attempt) => Promise<void>,
): void {
  check({ requirement: `${key}-ISOLATION-${rule}`, title, cell: CELLS[rule], needsStateHook: true }, async (c) => {
    const cast = await castFor(c);
    const op = await OPERATION_RECIPES[key].prepare(c, cast.owner);
    for (const caller of callersOf(c, cast, rule)) {
      const token = await caller.token(key);
      for (const appId of caller.appIds) await attempt({ c, cast, op, caller, token, appId });
    }
  });
}

export function registerManageIsolation(): void {
  for (const rule of ['OTHER-APP', 'OTHER-TENANT'] as const) {
    isolationCheck(
      OP.MANAGE_CONSENTS_LIST,
      rule,
      `the consents of the owner's app never reach a token of ${CELLS[rule]}, whatever app_id it sends`,
      async ({ c, cast, op, caller, token, appId }) => {
        for (const filter of [{}, { clientId: op.clientId, userId: op.userId }]) {
          const res = (await cisOf(c).listAppConsents(token, { appId, ...filter })).response;
          expectNotListed(
            c,
            res,
            'consent_id',
            [op.consentId ?? ''],
            `${caller.label} (app_id ${appId === cast.owner.appId ? "the owner's" : 'its own'})`,
          );
        }
      },
    );

    isolationCheck(
      OP.MANAGE_CONSENTS_DELETE,
      rule,
      `a token of ${CELLS[rule]} never deletes the owner's consents, whatever app_id it sends`,
      async ({ c, op, caller, token, appId }) => {
        for (const consentId of [undefined, op.consentId]) {
          const before = await op.snapshot();
          await deleteAs(c, op, token, { appId, consentId });
          expectUnchanged(c, before, await op.snapshot(), caller.label);
        }
      },
    );
  }
  check(
    {
      requirement: 'MANAGE-CONSENTS-LIST-ISOLATION-FOREIGN-APP-403',
      title: "a client token naming another app's app_id is answered 403",
      cell: 'foreign app_id → 403',
      needsStateHook: true,
    },
    async (c) => {
      const cast = await castFor(c);
      await LIST.prepare(c, cast.owner);
      const token = await fullAccessToken(c, cast.otherApp.app, OP.MANAGE_CONSENTS_LIST);
      const res = (await cisOf(c).listAppConsents(token, { appId: cast.owner.appId })).response;
      c.expect.that(res.status === 403, {
        expected: `403 for ${cast.otherApp.label} naming the owner's app_id`,
        observed: answerSummary(res),
      });
    },
  );
  check(
    {
      requirement: 'MANAGE-CONSENTS-DELETE-ISOLATION-FOREIGN-APP-403',
      title: "a client token naming another app's app_id is answered 403 and deletes nothing",
      cell: 'foreign app_id → 403',
      needsStateHook: true,
    },
    async (c) => {
      const cast = await castFor(c);
      const op = await DELETE.prepare(c, cast.owner);
      const token = await fullAccessToken(c, cast.otherApp.app, OP.MANAGE_CONSENTS_DELETE);
      const before = await op.snapshot();
      const res = (await deleteAs(c, op, token, { appId: cast.owner.appId })).response;
      c.expect.that(res.status === 403, {
        expected: `403 for ${cast.otherApp.label} naming the owner's app_id`,
        observed: answerSummary(res),
      });
      expectUnchanged(c, before, await op.snapshot(), cast.otherApp.label);
    },
  );
}
