import fc from 'fast-check';
import { compileArray } from './compileArray.js';
import { compileObject } from './compileObject.js';
import { compileNumber, compileString } from './compileScalars.js';
import {
  conjunctionKey,
  declaredTypes,
  distribute,
  expand,
  generatedTypes,
  keywordsOf,
  locationOf,
  memoFor,
  type CompileContext,
  type Conjunction,
} from './conjunction.js';
import type { JsonType } from './json.js';
import { matches } from './matches.js';
import { filterOrDrop, satisfiable, UnsatisfiableSchemaError } from './probe.js';
import { isAnnotation, rootNode, type SchemaNode } from './schemaNode.js';
import {
  resolveArbitraryOptions,
  type JsonSchema,
  type SchemaArbitraryConfig,
  type SchemaArbitraryOptions,
} from './types.js';

/**
 * A fast-check arbitrary for the values valid against `schema` (JSON Schema 2020-12, the keywords listed in
 * `schemaNode.ts`). Throws at once, naming the keyword and where it is, on a keyword it does not understand.
 */
export function arbitraryFromSchema(schema: JsonSchema, options?: SchemaArbitraryOptions): fc.Arbitrary<unknown> {
  return compileSchema(schema, resolveArbitraryOptions(options), options?.documentId);
}

/**
 * `arbitraryFromSchema` with resolved options. Calls that share one config share the compiled parts too
 * (a client schema is compiled once for the client, the envelope and the list), so a caller that compiles
 * several documents of one set should pass the same config, and give each document its id.
 */
export function compileSchema(
  schema: JsonSchema,
  config: SchemaArbitraryConfig,
  documentId?: string,
): fc.Arbitrary<unknown> {
  return compileNodes([rootNode(schema, documentId)], { config, depth: 0 });
}

/**
 * Built arbitraries per compile call (keyed by its config object): the mutator asks for the same members and
 * items many times, and arbitraries are immutable, so each conjunction is compiled once per depth.
 */
const compiled = new WeakMap<object, Map<string, fc.Arbitrary<unknown>>>();

/** Values valid against every node of the conjunction. */
export function compileNodes(input: Conjunction, ctx: CompileContext): fc.Arbitrary<unknown> {
  const memo = memoFor(compiled, ctx.config);
  const key = conjunctionKey(input, ctx.depth);
  let arb = memo.get(key);
  if (!arb) memo.set(key, (arb = compileFresh(input, ctx)));
  return arb;
}

function compileFresh(input: Conjunction, ctx: CompileContext): fc.Arbitrary<unknown> {
  const nodes = expand(input, ctx.config);
  const at = locationOf(input);
  if (nodes.some((n) => n.schema === false)) throw new UnsatisfiableSchemaError(`schema at ${at} is false`);
  const check = (node: SchemaNode, value: unknown) => matches(node, value, ctx.config);
  const alternatives = distribute(nodes, check);
  const arb = alternatives
    ? fc.oneof(
        ...satisfiable(
          alternatives.map((alt) => () => {
            const branch = compileNodes(alt.nodes, ctx);
            const keep = alt.keep ?? alt.side;
            return keep ? filterOrDrop(branch, keep, `branch at ${locationOf(alt.nodes)}`) : branch;
          }),
          `no branch of ${at} can be satisfied`,
        ),
      )
    : compileLeaf(nodes, ctx, at);
  return withDefault(nodes, arb, ctx);
}

function compileLeaf(nodes: SchemaNode[], ctx: CompileContext, at: string): fc.Arbitrary<unknown> {
  const validAgainstAll = (value: unknown) => nodes.every((n) => matches(n, value, ctx.config));
  const enumerated = nodes.find((n) => keywordsOf(n).enum !== undefined || 'const' in keywordsOf(n));
  if (enumerated) {
    const s = keywordsOf(enumerated);
    const options = ('const' in s ? [s.const] : (s.enum as unknown[])).filter(validAgainstAll);
    if (options.length === 0)
      throw new UnsatisfiableSchemaError(`no enum/const value at ${at} fits the other keywords`);
    return fc.constantFrom(...options);
  }
  const constraining = nodes.filter((n) => Object.keys(keywordsOf(n)).some((k) => !isAnnotation(k)));
  if (declaredTypes(nodes) === undefined && generatedTypes(nodes).length > 4) {
    // Nothing says what this is: any small JSON value, kept only if it passes whatever is there (e.g. `not`).
    const any = fc.jsonValue({ maxDepth: 2 });
    return constraining.length === 0 ? any : filterOrDrop(any, validAgainstAll, `values at ${at}`);
  }
  const arb = fc.oneof(
    ...satisfiable(
      generatedTypes(nodes).map((type) => () => compileType(type, nodes, ctx, at)),
      `no type fits every constraint at ${at}`,
    ),
  );
  // One schema object is compiled exactly; a conjunction of several (allOf, $ref siblings, anyOf with shared
  // keywords) or a `not` is compiled from its parts and then held to the whole.
  const needsCheck = constraining.length > 1 || nodes.some((n) => keywordsOf(n).not !== undefined);
  return needsCheck ? filterOrDrop(arb, validAgainstAll, `values at ${at}`) : arb;
}

function compileType(type: JsonType, nodes: SchemaNode[], ctx: CompileContext, at: string): fc.Arbitrary<unknown> {
  switch (type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'string':
      return compileString(nodes, at);
    case 'integer':
      return compileNumber(nodes, true, at);
    case 'number':
      return compileNumber(nodes, false, at);
    case 'array':
      return compileArray(nodes, ctx, at);
    case 'object':
      return compileObject(nodes, ctx, at);
  }
}

/** A schema's `default` is a value real clients send: use it about one time in five. */
function withDefault(nodes: SchemaNode[], arb: fc.Arbitrary<unknown>, ctx: CompileContext) {
  const holder = nodes.find((n) => 'default' in keywordsOf(n));
  if (!holder) return arb;
  const value = keywordsOf(holder).default;
  if (!matches(holder, value, ctx.config))
    throw new Error(`the default ${JSON.stringify(value)} at ${holder.at} is not valid against its own schema`);
  // Valid where it is written, but maybe not here: a branch may narrow it (`const: "saml"` beside a default "oidc").
  if (!nodes.every((n) => matches(n, value, ctx.config))) return arb;
  // A fresh copy each time, so a caller that edits one generated body cannot change the next.
  const fresh = fc.constant(value).map((v) => structuredClone(v));
  return fc.oneof({ arbitrary: fresh, weight: 1 }, { arbitrary: arb, weight: 4 });
}
