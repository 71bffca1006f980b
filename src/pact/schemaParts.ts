/**
 * A small reading of JSON Schema 2020-12 for deriving Pact matchers: a schema node is seen as the list of its
 * parts (the node's own keywords, then every `$ref` and `allOf` target, recursively), because in 2020-12 a `$ref`
 * next to other keywords applies both (`client.schema.json` narrows `authentication_protocol` that way).
 * Only the keywords the body schemas use are read; `if`/`then`/`not` are ignored, since they constrain values
 * the examples already satisfy rather than the shape a consumer relies on.
 */
import type { JsonSchema } from '../catalog/schemas.js';

/** Returns the document of a schema file named in a `$ref`, e.g. `client-oidc.schema.json`. */
export type SchemaResolver = (file: string) => JsonSchema;

/** One part of a schema node, with the document its own fragment-only `$ref`s resolve against. */
export interface SchemaPart {
  readonly schema: JsonSchema;
  readonly root: JsonSchema;
}

const MAX_REF_DEPTH = 32;

function isSchema(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function followPointer(root: JsonSchema, pointer: string, ref: string): JsonSchema {
  let node: unknown = root;
  for (const raw of pointer.split('/').slice(1)) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    node = isSchema(node) ? node[key] : undefined;
  }
  if (!isSchema(node)) throw new Error(`$ref "${ref}" does not point at a schema`);
  return node;
}

function resolveRef(ref: string, root: JsonSchema, resolve: SchemaResolver): SchemaPart {
  const [file = '', pointer = ''] = ref.split('#', 2);
  const doc = file === '' ? root : resolve(file);
  return { schema: pointer === '' ? doc : followPointer(doc, pointer, ref), root: doc };
}

/** The parts of `schema`: its own keywords first (so its `examples` and narrowing win), then `$ref` and `allOf`. */
export function schemaParts(schema: JsonSchema, root: JsonSchema, resolve: SchemaResolver, depth = 0): SchemaPart[] {
  if (depth > MAX_REF_DEPTH) throw new Error(`$ref chain deeper than ${MAX_REF_DEPTH} (a cycle?)`);
  const { $ref, allOf, ...own } = schema;
  const parts: SchemaPart[] = [{ schema: own, root }];
  if (typeof $ref === 'string') {
    const target = resolveRef($ref, root, resolve);
    parts.push(...schemaParts(target.schema, target.root, resolve, depth + 1));
  }
  if (Array.isArray(allOf)) {
    for (const sub of allOf) if (isSchema(sub)) parts.push(...schemaParts(sub, root, resolve, depth + 1));
  }
  return parts;
}

/** The first value of `keyword` among the parts. */
export function keyword(parts: readonly SchemaPart[], name: string): unknown {
  for (const part of parts) if (part.schema[name] !== undefined) return part.schema[name];
  return undefined;
}

/** The parts of property `name` in every part that declares it. */
export function propertyParts(parts: readonly SchemaPart[], name: string, resolve: SchemaResolver): SchemaPart[] {
  return parts.flatMap((part) => {
    const properties = part.schema.properties;
    const sub = isSchema(properties) ? properties[name] : undefined;
    return isSchema(sub) ? schemaParts(sub, part.root, resolve) : [];
  });
}

export function itemParts(parts: readonly SchemaPart[], resolve: SchemaResolver): SchemaPart[] {
  return parts.flatMap((part) =>
    isSchema(part.schema.items) ? schemaParts(part.schema.items, part.root, resolve) : [],
  );
}

export function requiredNames(parts: readonly SchemaPart[]): string[] {
  const names = parts.flatMap((part) =>
    Array.isArray(part.schema.required) ? (part.schema.required as string[]) : [],
  );
  return [...new Set(names)];
}

/** The `anyOf`/`oneOf` branches found in the parts, each as its own part list. */
export function unionBranches(parts: readonly SchemaPart[], resolve: SchemaResolver): SchemaPart[][] {
  return parts.flatMap((part) => {
    const branches = part.schema.anyOf ?? part.schema.oneOf;
    return Array.isArray(branches) ? branches.filter(isSchema).map((b) => schemaParts(b, part.root, resolve)) : [];
  });
}

/** The JSON type of a value in JSON Schema terms (`integer` for whole numbers). */
export function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** The types the parts allow (intersection of their `type` keywords), or undefined when none says. */
export function declaredTypes(parts: readonly SchemaPart[]): string[] | undefined {
  let types: string[] | undefined;
  for (const part of parts) {
    const own = part.schema.type;
    if (own === undefined) continue;
    const list = Array.isArray(own) ? (own as string[]) : [own as string];
    types = types ? types.filter((t) => list.includes(t)) : list;
  }
  return types;
}

export function typeAllows(types: readonly string[], value: unknown): boolean {
  const actual = jsonType(value);
  return types.includes(actual) || (actual === 'integer' && types.includes('number'));
}
