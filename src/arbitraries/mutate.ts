import fc from 'fast-check';
import {
  conjunctionKey,
  distribute,
  expand,
  keywordsOf,
  locationOf,
  memoFor,
  type Alternative,
  type CompileContext,
  type Conjunction,
} from './conjunction.js';
import { matches } from './matches.js';
import { arraySites, objectSites } from './mutateContainers.js';
import { dropIfUnsatisfiable, enumSites, numberSites, stringSites, typeSites } from './mutateScalars.js';
import { filterOrDrop } from './probe.js';
import { rootNode, type SchemaNode } from './schemaNode.js';
import {
  MUTATION_KINDS,
  resolveMutationOptions,
  type InvalidCase,
  type JsonSchema,
  type MutationConfig,
  type MutationKind,
  type MutationOptions,
} from './types.js';

/** One place a value can be broken, and how: its values carry a label whose path is relative to the node. */
export interface MutationSite {
  readonly kind: MutationKind;
  readonly arbitrary: fc.Arbitrary<InvalidCase>;
}

/** The same site with its values (and their labels) transformed, e.g. placed inside a parent value. */
export function mapSite(site: MutationSite, f: (c: InvalidCase) => InvalidCase): MutationSite {
  return { kind: site.kind, arbitrary: site.arbitrary.map(f) };
}

export interface MutateContext extends CompileContext {
  readonly config: MutationConfig;
}

/**
 * Invalid values for `schema`, each breaking one rule at one place, labelled with that rule: a valid value
 * with exactly one thing changed (a required member dropped, a wrong type, a value outside the enum, ...).
 * Only rules the schema states are broken; under `anyOf`/`oneOf` a change must break every branch.
 * The site is chosen structurally, so shrinking keeps the label and only simplifies the rest of the value.
 */
export function invalidFromSchema(schema: JsonSchema, options?: MutationOptions): fc.Arbitrary<InvalidCase> {
  return mutateSchema(schema, resolveMutationOptions(options), options?.documentId);
}

/** `invalidFromSchema` with resolved options; calls sharing one config share their compiled parts. */
export function mutateSchema(
  schema: JsonSchema,
  config: MutationConfig,
  documentId?: string,
): fc.Arbitrary<InvalidCase> {
  const root = rootNode(schema, documentId);
  const sites = mutationSites([root], { config, depth: 0 });
  if (sites.length === 0) {
    const kinds = config.kinds.size === MUTATION_KINDS.length ? 'any kind' : [...config.kinds].join(', ');
    throw new Error(`schema ${root.at} forbids nothing the mutator can produce (${kinds})`);
  }
  // Each kind is equally likely, then each site of that kind: otherwise the kinds every node has (wrong-type,
  // null) would crowd out the rarer ones (forbidden-extra, too-many-items).
  const byKind = MUTATION_KINDS.map((kind) => sites.filter((s) => s.kind === kind).map((s) => s.arbitrary));
  return fc.oneof(...byKind.filter((group) => group.length > 0).map((group) => fc.oneof(...group)));
}

/**
 * Probe values per mutation site under anyOf/oneOf/if. A site either breaks every branch nearly always or
 * never (its change is valid in another branch: an OIDC-only field set to null in a body the SAML branch
 * also accepts), so a few probes tell them apart, and the never-sites are many.
 */
const BRANCH_PROBES = 4;

/** Every mutation site of a conjunction, with label paths relative to it. */
export function mutationSites(input: Conjunction, ctx: MutateContext): MutationSite[] {
  const memo = memoFor(sitesMemo, ctx.config);
  const key = conjunctionKey(input, ctx.depth);
  let sites = memo.get(key);
  if (!sites) memo.set(key, (sites = freshSites(input, ctx)));
  return sites;
}

const sitesMemo = new WeakMap<object, Map<string, MutationSite[]>>();

function freshSites(input: Conjunction, ctx: MutateContext): MutationSite[] {
  const nodes = expand(input, ctx.config);
  if (nodes.some((n) => n.schema === false)) return [];
  const check = (node: SchemaNode, value: unknown) => matches(node, value, ctx.config);
  const alternatives = distribute(nodes, check);
  if (!alternatives) return leafSites(nodes, ctx);
  // A change made inside one branch counts only if the value then fails every branch.
  // (For `if`, a branch is satisfied only on its own side of the condition.)
  const satisfies = (alt: Alternative, value: unknown) =>
    (alt.side ? alt.side(value) : true) && alt.nodes.every((n) => check(n, value));
  const failsEveryBranch = (c: InvalidCase) => alternatives.every((alt) => !satisfies(alt, c.value));
  return alternatives.flatMap((alt) => {
    const side = alt.side;
    const keep = side ? (c: InvalidCase) => side(c.value) && failsEveryBranch(c) : failsEveryBranch;
    return mutationSites(alt.nodes, ctx).flatMap((s) =>
      dropIfUnsatisfiable(() => ({
        kind: s.kind,
        arbitrary: filterOrDrop(s.arbitrary, keep, `${s.kind} under ${locationOf(nodes)}`, BRANCH_PROBES),
      })),
    );
  });
}

function leafSites(nodes: SchemaNode[], ctx: MutateContext): MutationSite[] {
  const enumerated = nodes.some((n) => Array.isArray(keywordsOf(n).enum) || 'const' in keywordsOf(n));
  return [
    ...typeSites(nodes, ctx),
    // An enum already pins the value: a length or bound change would break the enum as well.
    ...(enumerated ? enumSites(nodes, ctx) : [...stringSites(nodes, ctx), ...numberSites(nodes, ctx)]),
    ...(enumerated ? [] : [...objectSites(nodes, ctx), ...arraySites(nodes, ctx)]),
  ];
}
