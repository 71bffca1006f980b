/**
 * Pact V3 matchers derived from the body schemas in `schemas/`, so the contracts follow the schemas instead of
 * restating them by hand. Only standard keywords are read (`required`, `type`, `const`, `enum`, `format`, `pattern`,
 * `items`, `minItems`, the unions): annotations (`x-…`) are ignored, so a constraint the schemas keep as an
 * annotation because the docs do not state it never reaches a contract. A response names only the required
 * properties the consumer reads (`reads`), matched by type.
 *
 * - objects become plain objects of per-property matchers rather than `like({...})`: a `like` around an object
 *   turns every literal inside it into a type match, which would lose `const` values;
 * - `const` and one-value `enum` → `equal` (literal); several string enum values → `regex` of the alternatives;
 * - `date-time` strings → `regex` of RFC 3339 (Pact's `datetime` takes one fixed pattern and cannot make the
 *   fractional seconds optional); `pattern` → `regex`; other strings and booleans → `like`;
 * - `integer` → `integer`, `number` → `number` (not `decimal`, which would reject whole numbers such as epoch ms);
 * - arrays → `eachLike(item, minItems)`, or `atLeastLike(item, 0, 1)` when the schema allows an empty list;
 * - `anyOf`/`oneOf` of objects → the branch the example fits. A union of different JSON types (the 400
 *   `message`: string or string[]) has no Pact matcher that accepts both, so that property is left out of the
 *   expected body; Pact ignores keys a response carries beyond the expected ones, so either form verifies.
 */
import { MatchersV3 } from '@pact-foundation/pact';
import type { JsonSchema } from '../catalog/schemas.js';
import { exampleFromSchema, fitsSchema, withoutUnion } from './schemaExample.js';
import {
  declaredTypes,
  itemParts,
  jsonType,
  keyword,
  propertyParts,
  requiredNames,
  schemaParts,
  typeAllows,
  unionBranches,
  type SchemaPart,
  type SchemaResolver,
} from './schemaParts.js';

export type { SchemaResolver } from './schemaParts.js';

export interface MatcherOptions {
  /**
   * Which object properties the expected body names. `required` (default, for responses): the schema's required
   * properties, since Pact fails a response that lacks an expected key and a target need not send optional ones.
   * `example` (for requests): exactly the example's properties, which is what the consumer sends.
   */
  readonly properties?: 'required' | 'example';
  /**
   * `required` mode only: the properties the consumer reads (same notation as `overrides`). The expected body then
   * names just these, so a contract holds what its consumer relies on and nothing more (Pact's guidance); each
   * must be a required property of the schema, i.e. one the docs promise. Default: every required property.
   */
  readonly reads?: readonly string[];
  /**
   * Values used as they are at a path instead of the derived matcher: dotted property names with `[]` for array
   * items, e.g. `error_code` or `result[].client_id`. For a consumer's own expectations (a literal `error_code`)
   * and provider-state values (`MatchersV3.fromProviderState`). A path that matches nothing is an error.
   */
  readonly overrides?: Readonly<Record<string, unknown>>;
  /**
   * Array paths (same notation) that must hold at least one item, where the provider state guarantees one
   * (`result` of a list after `a consent exists`); elsewhere a schema without `minItems` allows an empty list.
   */
  readonly atLeastOne?: readonly string[];
}

/** RFC 3339 date-time (what ajv-formats accepts for `format: date-time`, bar leap-second checks). */
export const DATE_TIME_PATTERN = '^\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?(?:[Zz]|[+-]\\d{2}:\\d{2})$';

const OMIT = Symbol('omit');

interface Walk {
  readonly resolve: SchemaResolver;
  readonly mode: 'required' | 'example';
  readonly overrides: Readonly<Record<string, unknown>>;
  readonly atLeastOne: ReadonlySet<string>;
  readonly reads: ReadonlySet<string> | undefined;
  readonly used: Set<string>;
}

/** Whether the consumer reads the property at `path` or something inside it. */
function isRead(walk: Walk, path: string): boolean {
  if (!walk.reads) return true;
  return [...walk.reads].some((r) => r === path || r.startsWith(`${path}.`) || r.startsWith(`${path}[]`));
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function childPath(path: string, name: string): string {
  return path === '' ? name : `${path}.${name}`;
}

/** Declared properties that have an override at or below them, so `required` mode keeps them. */
function overriddenNames(parts: SchemaPart[], walk: Walk, path: string): string[] {
  const prefix = path === '' ? '' : `${path}.`;
  return Object.keys(walk.overrides)
    .filter((key) => key.startsWith(prefix))
    .map((key) => key.slice(prefix.length).split(/\.|\[\]/)[0] ?? '')
    .filter((name) => name !== '' && propertyParts(parts, name, walk.resolve).length > 0);
}

function objectMatcher(parts: SchemaPart[], example: unknown, path: string, walk: Walk): Record<string, unknown> {
  const value = (example ?? {}) as Record<string, unknown>;
  const base =
    walk.mode === 'example'
      ? Object.keys(value)
      : requiredNames(parts).filter((name) => isRead(walk, childPath(path, name)));
  const result: Record<string, unknown> = {};
  for (const name of new Set([...base, ...overriddenNames(parts, walk, path)])) {
    const sub = propertyParts(parts, name, walk.resolve);
    const subExample = name in value ? value[name] : exampleFromSchema(sub, walk.resolve);
    const matcher = build(sub, subExample, childPath(path, name), walk);
    if (matcher !== OMIT) result[name] = matcher;
  }
  return result;
}

function arrayMatcher(parts: SchemaPart[], example: unknown[], path: string, walk: Walk): unknown {
  const items = itemParts(parts, walk.resolve);
  const itemExample = example.length > 0 ? example[0] : exampleFromSchema(items, walk.resolve);
  const item = build(items, itemExample, `${path}[]`, walk);
  if (item === OMIT) return MatchersV3.like(example);
  const minItems = keyword(parts, 'minItems');
  let min = typeof minItems === 'number' ? minItems : 0;
  if (walk.atLeastOne.has(path)) {
    walk.used.add(path);
    min = Math.max(min, 1);
  }
  return min > 0 ? MatchersV3.eachLike(item, min) : MatchersV3.atLeastLike(item, 0, 1);
}

function stringMatcher(parts: SchemaPart[], example: string): unknown {
  const enumValues = keyword(parts, 'enum');
  if (Array.isArray(enumValues)) {
    return MatchersV3.regex(`^(?:${enumValues.map((v) => escapeRegex(String(v))).join('|')})$`, example);
  }
  if (keyword(parts, 'format') === 'date-time') return MatchersV3.regex(DATE_TIME_PATTERN, example);
  const pattern = keyword(parts, 'pattern');
  if (typeof pattern === 'string') return MatchersV3.regex(pattern, example);
  return MatchersV3.like(example);
}

/** Picks the union branch the example fits; OMIT for a union of different JSON types. */
function chooseBranch(parts: SchemaPart[], example: unknown, path: string, walk: Walk): SchemaPart[] | typeof OMIT {
  const branches = unionBranches(parts, walk.resolve);
  if (branches.length === 0) return parts;
  const kinds = new Set(branches.map((b) => (declaredTypes([...parts, ...b]) ?? ['any']).join('|')));
  if (kinds.size > 1) return OMIT;
  const branch = branches.find((b) => fitsSchema([...parts.map(withoutUnion), ...b], example, walk.resolve));
  if (!branch) throw new Error(`${path || 'body'}: the example fits none of the ${branches.length} union branches`);
  return chooseBranch([...parts.map(withoutUnion), ...branch], example, path, walk);
}

function build(schemaPartsIn: SchemaPart[], example: unknown, path: string, walk: Walk): unknown {
  if (walk.reads?.has(path)) walk.used.add(path);
  if (path in walk.overrides) {
    walk.used.add(path);
    return walk.overrides[path];
  }
  const parts = chooseBranch(schemaPartsIn, example, path, walk);
  if (parts === OMIT) return OMIT;
  const at = path || 'body';
  const types = declaredTypes(parts);
  if (types && !typeAllows(types, example)) {
    throw new Error(`${at}: example ${JSON.stringify(example)} is not of type ${types.join(' or ')}`);
  }
  for (const { schema } of parts) if ('const' in schema) return MatchersV3.equal(schema.const);
  const enumValues = keyword(parts, 'enum');
  if (Array.isArray(enumValues) && enumValues.length === 1) return MatchersV3.equal(enumValues[0]);
  const type = jsonType(example);
  if (type === 'object') return objectMatcher(parts, example, path, walk);
  if (type === 'array') return arrayMatcher(parts, example as unknown[], path, walk);
  if (type === 'string') return stringMatcher(parts, example as string);
  if (type === 'integer' && !types?.includes('integer')) return MatchersV3.number(example as number);
  if (type === 'integer') return MatchersV3.integer(example as number);
  if (type === 'number') return MatchersV3.number(example as number);
  if (type === 'boolean') return MatchersV3.like(example);
  if (type === 'null') return MatchersV3.nullValue();
  throw new Error(`${at}: no matcher for an example of type ${type}`);
}

/**
 * The Pact matcher structure for a body: `schema` is a whole schema document (its fragment `$ref`s resolve
 * against it), `example` the body the consumer test uses, `resolve` gives other schema files by name.
 */
export function matcherFromSchema(
  schema: JsonSchema,
  example: unknown,
  resolve: SchemaResolver,
  options: MatcherOptions = {},
): unknown {
  const walk: Walk = {
    resolve,
    mode: options.properties ?? 'required',
    overrides: options.overrides ?? {},
    atLeastOne: new Set(options.atLeastOne),
    reads: options.reads ? new Set(options.reads) : undefined,
    used: new Set(),
  };
  const parts = schemaParts(schema, schema, resolve);
  if (!fitsSchema(parts, example, resolve))
    throw new Error(`the example does not fit the schema: ${JSON.stringify(example)}`);
  const matcher = build(parts, example, '', walk);
  const unused = [...Object.keys(walk.overrides), ...walk.atLeastOne].filter((key) => !walk.used.has(key));
  if (unused.length > 0) throw new Error(`override paths not in the body: ${unused.join(', ')}`);
  const unpromised = [...(walk.reads ?? [])].filter((key) => !walk.used.has(key));
  if (unpromised.length > 0) {
    throw new Error(`the consumer reads ${unpromised.join(', ')}, which the schema does not require`);
  }
  if (matcher === OMIT) throw new Error('the body schema is a union of different JSON types: no single matcher');
  return matcher;
}

/** The schema's `examples[0]`, or an example built from it. */
export function schemaExample(schema: JsonSchema, resolve: SchemaResolver): unknown {
  return exampleFromSchema(schemaParts(schema, schema, resolve), resolve);
}
