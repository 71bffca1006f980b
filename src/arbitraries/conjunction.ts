import { JSON_TYPES, type JsonType } from './json.js';
import { assertKnownKeywords, childNode, followRef, type SchemaNode, type SchemaObject } from './schemaNode.js';
import type { SchemaArbitraryConfig } from './types.js';

/**
 * The compiler works on a conjunction: a list of schema nodes a value must all satisfy. `$ref` targets and
 * `allOf` members join the list (each keeps its own document, so its refs still resolve), and a combinator
 * (`anyOf`, `oneOf`, `if`) is distributed into one conjunction per branch.
 */
export type Conjunction = readonly SchemaNode[];

export interface CompileContext {
  readonly config: SchemaArbitraryConfig;
  /** Nesting depth of the value being built (object members and array items count). */
  readonly depth: number;
}

/** Hard stop for schemas that recurse through required members: well past `maxDepth`, compiling gives up. */
const RECURSION_SLACK = 24;

export function deeper(ctx: CompileContext, at: string): CompileContext {
  if (ctx.depth + 1 > ctx.config.maxDepth + RECURSION_SLACK)
    throw new Error(`schema nesting deeper than ${ctx.config.maxDepth + RECURSION_SLACK} at ${at} (a recursive $ref?)`);
  return { config: ctx.config, depth: ctx.depth + 1 };
}

export function keywordsOf(node: SchemaNode): SchemaObject {
  return typeof node.schema === 'object' ? node.schema : {};
}

/** The same node without some keywords (same document and location, so its refs still resolve). */
export function without(node: SchemaNode, ...keywords: string[]): SchemaNode {
  if (typeof node.schema === 'boolean') return node;
  const rest: Record<string, unknown> = { ...node.schema };
  for (const keyword of keywords) delete rest[keyword];
  return { ...node, schema: rest };
}

/** Follows every `$ref` and flattens every `allOf`, checking each node's keywords on the way. */
export function expand(nodes: Conjunction, config: SchemaArbitraryConfig): SchemaNode[] {
  const out: SchemaNode[] = [];
  const pending = [...nodes];
  for (let guard = 0; pending.length > 0; guard++) {
    if (guard > 1000) throw new Error(`$ref/allOf expansion does not end at ${nodes[0]?.at} (a $ref cycle?)`);
    const node = pending.shift()!;
    assertKnownKeywords(node);
    const s = keywordsOf(node);
    if (s.$ref !== undefined) pending.push(followRef(node, config));
    if (Array.isArray(s.allOf)) s.allOf.forEach((_, i) => pending.push(childNode(node, 'allOf', i)));
    if (s.$ref !== undefined || s.allOf !== undefined) out.push(without(node, '$ref', 'allOf'));
    else out.push(node);
  }
  return out;
}

export interface Alternative {
  /** The conjunction for one branch. */
  readonly nodes: Conjunction;
  /** Valid values from this branch must also pass this (oneOf: exactly one branch matches). */
  readonly keep?: (value: unknown) => boolean;
  /**
   * For `if`: the side of the condition this branch stands for. Valid values must be on it, and so must
   * mutated ones, or the `then`/`else` the branch did not generate for would apply to them as well.
   */
  readonly side?: (value: unknown) => boolean;
}

/**
 * Splits the first combinator of an expanded conjunction into its branches, or returns undefined when there is
 * none. `matchesNode` is the validator (passed in to keep this module free of a cycle).
 */
export function distribute(
  nodes: Conjunction,
  matchesNode: (node: SchemaNode, value: unknown) => boolean,
): Alternative[] | undefined {
  const index = nodes.findIndex((n) => ['anyOf', 'oneOf', 'if'].some((k) => keywordsOf(n)[k] !== undefined));
  if (index === -1) return undefined;
  const node = nodes[index]!;
  const s = keywordsOf(node);
  const others = nodes.filter((_, i) => i !== index);
  for (const keyword of ['anyOf', 'oneOf'] as const) {
    if (s[keyword] === undefined) continue;
    const rest = without(node, keyword);
    const exactlyOne = keyword === 'oneOf' ? (value: unknown) => matchesNode(node, value) : undefined;
    return (s[keyword] as unknown[]).map((_, i) => ({
      nodes: [...others, rest, childNode(node, keyword, i)],
      ...(exactlyOne ? { keep: exactlyOne } : {}),
    }));
  }
  const rest = without(node, 'if', 'then', 'else');
  const condition = childNode(node, 'if');
  const holds = (value: unknown) => matchesNode(condition, value);
  return [
    { nodes: [...others, rest, condition, ...(s.then !== undefined ? [childNode(node, 'then')] : [])], side: holds },
    { nodes: [...others, rest, ...(s.else !== undefined ? [childNode(node, 'else')] : [])], side: (v) => !holds(v) },
  ];
}

const OBJECT_KEYWORDS = ['properties', 'required', 'additionalProperties'];
const ARRAY_KEYWORDS = ['items', 'prefixItems', 'minItems', 'maxItems', 'uniqueItems', 'contains'];
const STRING_KEYWORDS = ['minLength', 'maxLength', 'pattern', 'format'];
const NUMBER_KEYWORDS = ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum'];

/** The types declared by `type` on any node, intersected; undefined when no node declares one. */
export function declaredTypes(nodes: Conjunction): JsonType[] | undefined {
  // Intersect over concrete kinds, where `number` is integers plus fractions, then name the result again.
  let kinds: Set<string> | undefined;
  for (const node of nodes) {
    const type = keywordsOf(node).type;
    if (type === undefined) continue;
    const listed = (Array.isArray(type) ? type : [type]) as string[];
    const own = new Set(listed.flatMap((t) => (t === 'number' ? ['integer', 'fraction'] : [t])));
    kinds = kinds === undefined ? own : new Set([...kinds].filter((k) => own.has(k)));
  }
  if (kinds === undefined) return undefined;
  const types = JSON_TYPES.filter((t) => t !== 'number' && t !== 'integer' && kinds!.has(t));
  if (kinds.has('fraction')) types.push('number');
  else if (kinds.has('integer')) types.push('integer');
  return types;
}

/**
 * The types to generate: the declared ones, or, when nothing declares a type, the ones the keywords imply
 * (`properties` → object, ...), or every type when no keyword hints at one.
 */
export function generatedTypes(nodes: Conjunction): JsonType[] {
  const declared = declaredTypes(nodes);
  if (declared !== undefined) {
    return declared;
  }
  const has = (keywords: string[]) => nodes.some((n) => keywords.some((k) => keywordsOf(n)[k] !== undefined));
  const implied: JsonType[] = [];
  if (has(OBJECT_KEYWORDS)) implied.push('object');
  if (has(ARRAY_KEYWORDS)) implied.push('array');
  if (has(STRING_KEYWORDS)) implied.push('string');
  if (has(NUMBER_KEYWORDS)) implied.push('number');
  return implied.length > 0 ? implied : JSON_TYPES.filter((t) => t !== 'integer');
}

/** Every value of a numeric keyword across the conjunction. */
export function numbersOf(nodes: Conjunction, keyword: string): number[] {
  return nodes.map((n) => keywordsOf(n)[keyword]).filter((v): v is number => typeof v === 'number');
}

export function stringsOf(nodes: Conjunction, keyword: string): string[] {
  return nodes.map((n) => keywordsOf(n)[keyword]).filter((v): v is string => typeof v === 'string');
}

/**
 * Identifies a conjunction at a depth, for memoising: a node is its location plus its keywords (`without`
 * drops some keywords but keeps the location).
 */
export function conjunctionKey(input: Conjunction, depth: number): string {
  return `${depth}\n${input.map((n) => `${n.at}{${Object.keys(keywordsOf(n)).join(',')}}`).join('\n')}`;
}

/** Memo tables per config object: compiling with one config shares the work, a new config starts afresh. */
export function memoFor<T>(tables: WeakMap<object, Map<string, T>>, config: object): Map<string, T> {
  let memo = tables.get(config);
  if (!memo) tables.set(config, (memo = new Map()));
  return memo;
}

/** Where in the document the conjunction starts, for error messages. */
export function locationOf(nodes: Conjunction): string {
  return nodes[0]?.at ?? '(empty schema)';
}
