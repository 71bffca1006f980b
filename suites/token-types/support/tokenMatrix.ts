/**
 * The token-type matrix: for each operation, one check per token kind (`cell` = the kind), judged by the rule the
 * catalog names for that cell (`<KEY>-TOKEN-*`): a rejection is documented (inferred for a not-yet-valid token
 * and a wrong issuer or audience, decisions.md #28), its 401/403 code inferred, acceptance
 * by an excluded type failed or a warning by the evidence of the excluding rule, and an admin token on the
 * `/v1/clients…` and `/v1/manage/consents…` operations an observation.
 */
import { check, type CheckContext } from '../../../src/suite/index.js';
import {
  OPERATION_RECIPES,
  recipeAuth,
  type OperationKey,
  type OperationRecipe,
  type PreparedOperation,
} from '../../support/operationRecipes.js';
import { answerSummary, expectRejected, is2xx } from '../../support/rejection.js';
import { credentialsFor, type INVALID_KINDS, KIND_PHRASES, TOKEN_KINDS, type TokenKind } from './tokenKinds.js';

type CellRule =
  | { readonly outcome: 'accepted'; readonly requirement: string }
  | {
      readonly outcome: 'rejected';
      readonly requirement: string;
      readonly code: { status: 401 | 403; requirement: string };
    }
  | { readonly outcome: 'observed'; readonly requirement: string };

/**
 * The rule (after `<KEY>-`) that judges each broken-token cell: the documented defects share one, the three the
 * docs do not promise to check have their own inferred ones (decisions.md #8, #28).
 */
const INVALID_KIND_RULES: Readonly<Record<(typeof INVALID_KINDS)[number], string>> = {
  'no token': 'TOKEN-INVALID-REJECTED',
  malformed: 'TOKEN-INVALID-REJECTED',
  'forged-signature': 'TOKEN-INVALID-REJECTED',
  'alg-none': 'TOKEN-INVALID-REJECTED',
  expired: 'TOKEN-INVALID-REJECTED',
  'not-yet-valid': 'TOKEN-NOT-YET-VALID-REJECTED',
  'wrong-issuer': 'TOKEN-WRONG-ISSUER-REJECTED',
  'wrong-audience': 'TOKEN-WRONG-AUDIENCE-REJECTED',
};

/** The catalog's rule for one cell (decisions.md #8, #9, #28). */
export function cellRule(recipe: OperationRecipe, kind: TokenKind): CellRule {
  const { key } = recipe;
  const userOperation = recipe.documentedTokenType === 'user';
  const wrongType = { status: 403, requirement: `${key}-TOKEN-WRONG-TYPE-403` } as const;
  switch (kind) {
    case 'client token':
      return userOperation
        ? { outcome: 'rejected', requirement: `${key}-TOKEN-CLIENT-REJECTED`, code: wrongType }
        : { outcome: 'accepted', requirement: recipe.successRequirement };
    case 'admin token':
      return recipe.adminTokenUnknown
        ? { outcome: 'observed', requirement: `${key}-TOKEN-ADMIN` }
        : { outcome: 'rejected', requirement: `${key}-TOKEN-ADMIN-REJECTED`, code: wrongType };
    case 'user token':
      return userOperation
        ? { outcome: 'accepted', requirement: `${key}-TOKEN-USER-ACCEPTED` }
        : { outcome: 'rejected', requirement: `${key}-TOKEN-USER-REJECTED`, code: wrongType };
    default:
      return {
        outcome: 'rejected',
        requirement: `${key}-${INVALID_KIND_RULES[kind]}`,
        code: { status: 401, requirement: `${key}-TOKEN-INVALID-401` },
      };
  }
}

function cellTitle(recipe: OperationRecipe, kind: TokenKind, rule: CellRule): string {
  const phrase = KIND_PHRASES[kind];
  if (rule.outcome === 'accepted') return `${phrase} is accepted`;
  if (rule.outcome === 'observed') return `what ${phrase} gets`;
  return `${phrase} is rejected${recipe.mutates ? ' and changes nothing' : ''}`;
}

export function registerTokenMatrix(keys: readonly OperationKey[]): void {
  for (const key of keys) {
    const recipe = OPERATION_RECIPES[key];
    for (const kind of TOKEN_KINDS) {
      const rule = cellRule(recipe, kind);
      const meta = {
        requirement: rule.requirement,
        title: cellTitle(recipe, kind, rule),
        cell: kind,
        family: 'token-types' as const,
      };
      check({ ...meta, needsStateHook: recipe.needsStateHook }, (c) => runCell(c, recipe, kind, rule));
    }
  }
}

async function runCell(c: CheckContext, recipe: OperationRecipe, kind: TokenKind, rule: CellRule): Promise<void> {
  const auth = recipeAuth(c, recipe);
  const op = await recipe.prepare(c, await c.fixtures.app());
  const credentials = await credentialsFor(kind, c, op, auth);
  const before = rule.outcome === 'accepted' ? undefined : await op.snapshot();
  const res = await op.request(credentials);
  if (rule.outcome === 'accepted') return c.expect.status(res, '2xx');
  if (rule.outcome === 'rejected') return expectRejected(c, res, { code: rule.code }, { op, before });
  c.observe({
    question: `what ${KIND_PHRASES[kind]} gets on ${recipe.method} ${recipe.path}`,
    observed: await stateNote(res, op, before),
  });
}

/** The answer, and for operations that change state, whether the owner's re-read changed. */
async function stateNote(
  res: Awaited<ReturnType<PreparedOperation['request']>>,
  op: PreparedOperation,
  before: string | undefined,
): Promise<string> {
  const verdict = is2xx(res) ? 'accepted' : 'rejected';
  if (before === undefined) return `${verdict}: ${answerSummary(res)}`;
  const after = await op.snapshot();
  return `${verdict}: ${answerSummary(res)}; the owner's re-read ${after === before ? 'is unchanged' : `changed from ${before} to ${after}`}`;
}
