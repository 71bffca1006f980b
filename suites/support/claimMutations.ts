/**
 * The claim-level token mutation generator (docs/decisions.md "Token attacks"). Each check starts from a token the
 * operation would accept and changes exactly one header field, claim or signature (`TokenMutation`,
 * src/issuer/tokenMutations.ts); fast-check draws the mutations of one kind and shrinks a token that got through to
 * the simplest single change that still gets through. The form a defect most often takes is tried first (an
 * `example`), so even a run of one case tries it.
 *
 * Kinds that judge the token's validity start from a token holding every permission the operation lists (or the
 * user's own token on `/me`), so a refusal can only be for the mutation. Kinds that smuggle rights start from a
 * token holding only permissions outside the list, and first prove that this token alone is refused: otherwise a
 * target without a permission check would be blamed for smuggling (PERM-OUTSIDE-LIST-REJECTED judges that).
 */
import fc from 'fast-check';
import {
  check,
  type CheckContext,
  type CheckCredential,
  type TokenMutation,
  type TokenOptions,
} from '../../src/suite/index.js';
import { checkProperty } from '../../src/suite/property.js';
import {
  grantingPermissions,
  OPERATION_RECIPES,
  recipeAuth,
  type OperationKey,
  type OperationRecipe,
  type PreparedOperation,
} from './operationRecipes.js';
import { answerSummary, is2xx, is4xx } from './rejection.js';

/** What a mutation kind's cases are drawn from: the permissions that grant the operation in the check's app. */
interface MutationContext {
  readonly granting: readonly string[];
  readonly appId: string;
}

export interface MutationKind {
  /** `<KEY>-<rule>` is the requirement each case is judged by. */
  readonly rule: string;
  readonly cell: string;
  readonly title: string;
  /** `rights`: the base token holds only permissions outside the list (client-token operations only). */
  readonly base: 'accepted' | 'rights';
  readonly arbitrary: (ctx: MutationContext) => fc.Arbitrary<TokenMutation>;
  /** The form the defect most often takes in real verifiers: tried first. */
  readonly example: (ctx: MutationContext) => TokenMutation;
}

/** Share of the run's fast-check cases per kind: 3 at the default 50 (the example and two drawn), 30 nightly. */
const RUNS_SHARE = 0.06;

/**
 * Expired by more than any leeway a verifier plausibly allows: .NET's default clock skew, the largest common
 * default, is 5 minutes; 6 leaves a minute for the clocks of harness and target to differ (docs/decisions.md).
 */
export const PAST_LEEWAY_SECONDS = 6 * 60;
const DAY = 24 * 3600;

/** A permission outside every operation's list: what the smuggling kinds' base token holds in `ts_permissions`. */
export const OUTSIDE_EVERY_LIST = ['users:read'];

/** Claims other than `ts_permissions` where a verifier might wrongly look for rights. */
const SMUGGLING_CLAIMS = ['scope', 'ts_roles', 'roles', 'role', 'permissions'] as const;

/** Role names that read like an admin role but are not the documented marker (`Admin` in `role`/`roles`). */
const ADMIN_LOOKALIKES = ['admin', 'ADMIN', 'Administrator', 'tenant_admin', 'Admin ', 'admins', 'SuperAdmin'];

const claim = (name: string, value: unknown): TokenMutation => ({ kind: 'claim', name, value });

/** Rights in another claim: arrays for the role-like claims, a space-separated string for `scope`. */
const smuggled = (name: string, grants: readonly string[]): TokenMutation =>
  claim(name, name === 'scope' ? grants.join(' ') : [...grants]);

export const TOKEN_MUTATION_KINDS: readonly MutationKind[] = [
  {
    rule: 'TOKEN-ALG-CONFUSION-REJECTED',
    cell: 'HS* keyed with the public key',
    title: 'a token signed HS256/384/512 with the trusted public key as the HMAC secret is rejected (fast-check)',
    base: 'accepted',
    arbitrary: () =>
      fc.record({
        kind: fc.constant('hmac-public-key' as const),
        alg: fc.constantFrom('HS256' as const, 'HS384' as const, 'HS512' as const),
        secret: fc.constantFrom('spki-pem' as const, 'pkcs1-pem' as const, 'spki-der' as const, 'jwk-json' as const),
      }),
    example: () => ({ kind: 'hmac-public-key', alg: 'HS256', secret: 'spki-pem' }),
  },
  {
    rule: 'TOKEN-ALG-NONE-VARIANT-REJECTED',
    cell: 'alg none spelled otherwise',
    title: "an unsigned token whose alg is 'none' in another case, or that keeps a signature, is rejected (fast-check)",
    base: 'accepted',
    arbitrary: () =>
      fc
        .record({
          kind: fc.constant('unsigned' as const),
          alg: fc.constantFrom('None', 'NONE', 'nOnE', 'none'),
          keepSignature: fc.boolean(),
        })
        // Lowercase `none` without a signature is the token matrix's own alg-none cell.
        .filter((m) => m.alg !== 'none' || m.keepSignature),
    example: () => ({ kind: 'unsigned', alg: 'None', keepSignature: false }),
  },
  {
    rule: 'TOKEN-UNTRUSTED-KEY-REJECTED',
    cell: 'header points at an untrusted key',
    title: 'a token signed by an untrusted key is rejected whatever its header says about the key (fast-check)',
    base: 'accepted',
    arbitrary: () =>
      fc.record({
        kind: fc.constant('untrusted-key' as const),
        header: fc.constantFrom(
          'jwk' as const,
          'kid-unknown' as const,
          'kid-absent' as const,
          'jku' as const,
          'x5u' as const,
        ),
      }),
    example: () => ({ kind: 'untrusted-key', header: 'jwk' }),
  },
  {
    rule: 'TOKEN-EXPIRED-PAST-LEEWAY-REJECTED',
    cell: 'exp minutes past',
    title: `a token expired more than ${PAST_LEEWAY_SECONDS / 60} minutes ago is rejected (fast-check)`,
    base: 'accepted',
    arbitrary: () =>
      fc
        .oneof(fc.integer({ min: PAST_LEEWAY_SECONDS, max: 15 * 60 }), fc.integer({ min: 15 * 60 + 1, max: DAY }))
        .map((ago): TokenMutation => ({ kind: 'expires', inSeconds: -ago })),
    example: () => ({ kind: 'expires', inSeconds: -PAST_LEEWAY_SECONDS }),
  },
  {
    rule: 'TOKEN-NO-EXP-REJECTED',
    cell: 'no exp',
    title: 'a token without a numeric exp is rejected (fast-check)',
    base: 'accepted',
    arbitrary: () =>
      fc.constantFrom<TokenMutation>({ kind: 'claim', name: 'exp' }, claim('exp', null), claim('exp', '1000000000')),
    example: () => ({ kind: 'claim', name: 'exp' }),
  },
];

export const RIGHTS_MUTATION_KINDS: readonly MutationKind[] = [
  {
    rule: 'PERM-SMUGGLED-CLAIMS-REJECTED',
    cell: 'listed permissions in other claims',
    title:
      'a token whose ts_permissions hold only permissions outside the list is rejected though another claim names listed ones (fast-check)',
    base: 'rights',
    arbitrary: ({ granting, appId }) =>
      fc
        .record({
          name: fc.constantFrom(...SMUGGLING_CLAIMS),
          grants: fc.subarray([...granting, '*', 'apps:*', 'consents:*', `${appId}:*`], { minLength: 1 }),
        })
        .map(({ name, grants }) => smuggled(name, grants)),
    // The whole list: smuggled rights grant under either reading of a list (any one of it, or all of it).
    example: ({ granting }) => smuggled('scope', granting),
  },
  {
    rule: 'PERM-ADMIN-LOOKALIKE-REJECTED',
    cell: 'a role named like admin',
    title:
      "a client token with a role named like an admin role (not the documented 'Admin') gets no rights from it (fast-check)",
    base: 'rights',
    arbitrary: () =>
      fc
        .record({ name: fc.constantFrom('roles', 'role', 'ts_roles'), role: fc.constantFrom(...ADMIN_LOOKALIKES) })
        .map(({ name, role }) => claim(name, [role])),
    example: () => claim('roles', ['admin']),
  },
];

/** How a mutation reads in a finding: the one field it changed. */
export function describeMutation(mutation: TokenMutation): string {
  switch (mutation.kind) {
    case 'hmac-public-key':
      return `header alg ${mutation.alg}, HMAC keyed with the trusted public key as ${mutation.secret}`;
    case 'unsigned':
      return `header alg ${JSON.stringify(mutation.alg)}, ${mutation.keepSignature ? 'the RS256 signature kept' : 'no signature'}`;
    case 'untrusted-key':
      return `signed by an untrusted key, header ${mutation.header}`;
    case 'expires':
      return mutation.inSeconds < 0 ? `exp ${-mutation.inSeconds} s ago` : `exp in ${mutation.inSeconds} s`;
    case 'not-before':
      return `nbf in ${mutation.inSeconds} s`;
    case 'claim':
      return 'value' in mutation
        ? `claim ${mutation.name} = ${JSON.stringify(mutation.value)}`
        : `no ${mutation.name} claim`;
  }
}

/** The token a mutation starts from: the user's own on `/me`, else a client token holding `permissions`. */
function baseToken(
  recipe: OperationRecipe,
  op: PreparedOperation,
  permissions: readonly string[],
): TokenOptions & { userId?: string } {
  return recipe.documentedTokenType === 'user' ? { app: op.app, userId: op.userId } : { app: op.app, permissions };
}

async function runKind(c: CheckContext, recipe: OperationRecipe, kind: MutationKind): Promise<void> {
  const auth = recipeAuth(c, recipe);
  const app = await c.fixtures.app();
  let op = await recipe.prepare(c, app);
  const held = kind.base === 'rights' ? OUTSIDE_EVERY_LIST : auth.permissions;
  const base = (): TokenOptions & { userId?: string } => baseToken(recipe, op, held);
  const send = async (token: CheckCredential) => {
    const res = await op.request(token);
    // A request that may have used the set-up up (an accepted delete, an odd answer) gets a fresh one next time.
    if (recipe.consumedOnSuccess && ![401, 403].includes(res.status)) op = await recipe.prepare(c, app);
    return res;
  };
  if (kind.base === 'rights') {
    const control = await send(await c.tokens.client(base()));
    if (is2xx(control)) {
      c.skip(
        `the token without smuggled rights (ts_permissions ${JSON.stringify(OUTSIDE_EVERY_LIST)}) is accepted already (${answerSummary(control)}): ${recipe.key}-PERM-OUTSIDE-LIST-REJECTED judges that, and smuggling cannot be told apart from it`,
      );
    }
  }
  const ctx: MutationContext = { granting: grantingPermissions(auth, app.appId), appId: app.appId };
  await checkProperty(c, {
    requirement: `${recipe.key}-${kind.rule}`,
    arbitrary: kind.arbitrary(ctx),
    examples: [kind.example(ctx)],
    runsShare: RUNS_SHARE,
    describe: describeMutation,
    predicate: async (mutation, e) => {
      const res = await send(await c.tokens.mutated(mutation, base()));
      e.that(is4xx(res), { expected: 'a 4xx: the mutated token refused', observed: answerSummary(res) });
    },
  });
}

/** The `exp`/`nbf` boundary: within a minute of now, RFC 7519 §4.1.4 allows a verifier some leeway. */
const CLOCK_CASES: ReadonlyArray<{ mutation: TokenMutation; question: string }> = [
  { mutation: { kind: 'expires', inSeconds: 0 }, question: 'what a token whose exp is this very second gets' },
  { mutation: { kind: 'not-before', inSeconds: 30 }, question: 'what a token whose nbf is 30 s ahead gets' },
];

async function observeClock(c: CheckContext, recipe: OperationRecipe): Promise<void> {
  const auth = recipeAuth(c, recipe);
  const app = await c.fixtures.app();
  let op = await recipe.prepare(c, app);
  for (const { mutation, question } of CLOCK_CASES) {
    const res = await op.request(await c.tokens.mutated(mutation, baseToken(recipe, op, auth.permissions)));
    c.observe({ question, observed: `${is2xx(res) ? 'accepted' : 'rejected'}: ${answerSummary(res)}` });
    if (recipe.consumedOnSuccess && ![401, 403].includes(res.status)) op = await recipe.prepare(c, app);
  }
}

export function registerMutationChecks(keys: readonly OperationKey[], kinds: readonly MutationKind[]): void {
  for (const key of keys) {
    const recipe = OPERATION_RECIPES[key];
    for (const kind of kinds) {
      if (kind.base === 'rights' && recipe.documentedTokenType === 'user') continue;
      check(
        {
          requirement: `${key}-${kind.rule}`,
          title: kind.title,
          cell: kind.cell,
          needsStateHook: recipe.needsStateHook,
        },
        (c) => runKind(c, recipe, kind),
      );
    }
  }
}

export function registerClockObservations(keys: readonly OperationKey[]): void {
  for (const key of keys) {
    const recipe = OPERATION_RECIPES[key];
    check(
      {
        requirement: `${key}-TOKEN-CLOCK-LEEWAY`,
        title: 'what tokens within a minute of their exp or nbf get',
        cell: 'exp/nbf within a minute',
        needsStateHook: recipe.needsStateHook,
      },
      (c) => observeClock(c, recipe),
    );
  }
}
