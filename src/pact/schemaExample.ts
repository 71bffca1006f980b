/**
 * Two helpers the matcher derivation needs beside the schema parts: which `anyOf` branch an example belongs to
 * (a structural fit, not full validation: ajv remains the judge of validity), and an example for a schema node
 * that the caller's example does not cover.
 */
import { isDeepStrictEqual } from 'node:util';
import {
  declaredTypes,
  itemParts,
  keyword,
  propertyParts,
  requiredNames,
  typeAllows,
  unionBranches,
  type SchemaPart,
  type SchemaResolver,
} from './schemaParts.js';

const MAX_DEPTH = 16;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether `value` fits every part: type, const, enum, required names, known properties, items and unions. */
export function fitsSchema(parts: readonly SchemaPart[], value: unknown, resolve: SchemaResolver, depth = 0): boolean {
  if (depth > MAX_DEPTH) return true;
  const types = declaredTypes(parts);
  if (types && !typeAllows(types, value)) return false;
  for (const { schema } of parts) {
    if ('const' in schema && !isDeepStrictEqual(schema.const, value)) return false;
    if (Array.isArray(schema.enum) && !schema.enum.some((v) => isDeepStrictEqual(v, value))) return false;
  }
  if (isObject(value)) {
    if (!requiredNames(parts).every((name) => name in value)) return false;
    for (const [name, sub] of Object.entries(value)) {
      const subParts = propertyParts(parts, name, resolve);
      if (subParts.length > 0 && !fitsSchema(subParts, sub, resolve, depth + 1)) return false;
    }
  }
  if (Array.isArray(value)) {
    const items = itemParts(parts, resolve);
    if (items.length > 0 && !value.every((item) => fitsSchema(items, item, resolve, depth + 1))) return false;
  }
  const branches = unionBranches(parts, resolve);
  return branches.length === 0 || branches.some((branch) => fitsSchema(branch, value, resolve, depth + 1));
}

/** Placeholder strings by format, valid for ajv-formats. */
const FORMAT_EXAMPLES: Readonly<Record<string, string>> = {
  'date-time': '2024-01-01T00:00:00Z',
  uri: 'https://www.example.com/',
  email: 'user@example.com',
};

/**
 * An example for a schema node: its `const`, first `enum` value, `examples[0]` or `default`, else one built
 * from its type (required properties only, `minItems` items, `minimum` for numbers).
 */
export function exampleFromSchema(parts: readonly SchemaPart[], resolve: SchemaResolver, depth = 0): unknown {
  if (depth > MAX_DEPTH) throw new Error('cannot build an example: the schema nests deeper than 16 levels');
  for (const { schema } of parts) if ('const' in schema) return schema.const;
  const enumValues = keyword(parts, 'enum');
  if (Array.isArray(enumValues) && enumValues.length > 0) return enumValues[0];
  const examples = keyword(parts, 'examples');
  if (Array.isArray(examples) && examples.length > 0) return examples[0];
  const fallback = keyword(parts, 'default');
  if (fallback !== undefined) return fallback;
  const branches = unionBranches(parts, resolve);
  const type = declaredTypes(parts)?.[0];
  if (branches[0] && (type === undefined || type === 'object')) {
    return exampleFromSchema([...parts.map(withoutUnion), ...branches[0]], resolve, depth + 1);
  }
  switch (type ?? 'object') {
    case 'string': {
      const format = keyword(parts, 'format');
      return (typeof format === 'string' && FORMAT_EXAMPLES[format]) || 'string';
    }
    case 'integer':
    case 'number': {
      const minimum = keyword(parts, 'minimum');
      return typeof minimum === 'number' ? minimum : 1;
    }
    case 'boolean':
      return false;
    case 'null':
      return null;
    case 'array': {
      const min = keyword(parts, 'minItems');
      const count = typeof min === 'number' ? min : 0;
      const items = itemParts(parts, resolve);
      return Array.from({ length: count }, () => exampleFromSchema(items, resolve, depth + 1));
    }
    default: {
      const names = requiredNames(parts);
      return Object.fromEntries(
        names.map((name) => [name, exampleFromSchema(propertyParts(parts, name, resolve), resolve, depth + 1)]),
      );
    }
  }
}

/** The part without its union keywords, so that a chosen branch replaces them. */
export function withoutUnion(part: SchemaPart): SchemaPart {
  const { anyOf: _anyOf, oneOf: _oneOf, ...rest } = part.schema;
  return { schema: rest, root: part.root };
}
