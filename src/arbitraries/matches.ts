import { conformsToFormat } from './formats.js';
import { codePointLength, deepEqual, canonicalJson, isOfType, isPlainObject } from './json.js';
import { childNode, followRef, type SchemaNode, type SchemaObject } from './schemaNode.js';
import type { SchemaArbitraryConfig } from './types.js';

/**
 * Whether `value` is valid against `node`, for the keywords the compiler supports.
 * The generators need this to keep `oneOf` to exactly one branch and to make a mutation break every `anyOf`
 * branch; the tests hold it to ajv's answers.
 */
export function matches(node: SchemaNode, value: unknown, config: SchemaArbitraryConfig): boolean {
  const schema = node.schema;
  if (typeof schema === 'boolean') return schema;
  const s = schema as SchemaObject;
  if (s.$ref !== undefined && !matches(followRef(node, config), value, config)) return false;
  if (s.type !== undefined) {
    const types = Array.isArray(s.type) ? (s.type as string[]) : [s.type as string];
    if (!types.some((type) => isOfType(value, type))) return false;
  }
  if (Array.isArray(s.enum) && !enumIncludes(s.enum, value)) return false;
  if ('const' in s && !deepEqual(s.const, value)) return false;
  if (typeof value === 'string' && !matchesString(s, value)) return false;
  if (typeof value === 'number' && !matchesNumber(s, value)) return false;
  if (Array.isArray(value) && !matchesArray(node, value, config)) return false;
  if (isPlainObject(value) && !matchesObject(node, value, config)) return false;
  return matchesCombinators(node, s, value, config);
}

function matchesCombinators(node: SchemaNode, s: SchemaObject, value: unknown, config: SchemaArbitraryConfig): boolean {
  if (Array.isArray(s.allOf))
    for (let i = 0; i < s.allOf.length; i++) if (!matches(childNode(node, 'allOf', i), value, config)) return false;
  if (Array.isArray(s.anyOf)) {
    let any = false;
    for (let i = 0; i < s.anyOf.length && !any; i++) any = matches(childNode(node, 'anyOf', i), value, config);
    if (!any) return false;
  }
  if (Array.isArray(s.oneOf)) {
    let count = 0;
    for (let i = 0; i < s.oneOf.length; i++) if (matches(childNode(node, 'oneOf', i), value, config)) count++;
    if (count !== 1) return false;
  }
  if (s.not !== undefined && matches(childNode(node, 'not'), value, config)) return false;
  if (s.if !== undefined) {
    const branch = matches(childNode(node, 'if'), value, config) ? 'then' : 'else';
    if (s[branch] !== undefined && !matches(childNode(node, branch), value, config)) return false;
  }
  return true;
}

function enumIncludes(options: unknown[], value: unknown): boolean {
  for (const option of options) if (deepEqual(option, value)) return true;
  return false;
}

function matchesString(s: SchemaObject, value: string): boolean {
  const length = codePointLength(value);
  if (typeof s.minLength === 'number' && length < s.minLength) return false;
  if (typeof s.maxLength === 'number' && length > s.maxLength) return false;
  if (typeof s.pattern === 'string' && !new RegExp(s.pattern, 'u').test(value)) return false;
  if (typeof s.format === 'string' && !conformsToFormat(s.format, value)) return false;
  return true;
}

function matchesNumber(s: SchemaObject, value: number): boolean {
  if (typeof s.minimum === 'number' && value < s.minimum) return false;
  if (typeof s.maximum === 'number' && value > s.maximum) return false;
  if (typeof s.exclusiveMinimum === 'number' && value <= s.exclusiveMinimum) return false;
  if (typeof s.exclusiveMaximum === 'number' && value >= s.exclusiveMaximum) return false;
  return true;
}

function matchesArray(node: SchemaNode, value: unknown[], config: SchemaArbitraryConfig): boolean {
  const s = node.schema as SchemaObject;
  if (typeof s.minItems === 'number' && value.length < s.minItems) return false;
  if (typeof s.maxItems === 'number' && value.length > s.maxItems) return false;
  if (s.uniqueItems === true && new Set(value.map(canonicalJson)).size !== value.length) return false;
  if (s.contains !== undefined && !value.some((item) => matches(childNode(node, 'contains'), item, config)))
    return false;
  const prefix = Array.isArray(s.prefixItems) ? s.prefixItems.length : 0;
  for (let i = 0; i < value.length; i++) {
    if (i < prefix) {
      if (!matches(childNode(node, 'prefixItems', i), value[i], config)) return false;
    } else if (s.items !== undefined && !matches(childNode(node, 'items'), value[i], config)) return false;
  }
  return true;
}

function matchesObject(node: SchemaNode, value: Record<string, unknown>, config: SchemaArbitraryConfig): boolean {
  const s = node.schema as SchemaObject;
  const properties = (s.properties ?? {}) as Record<string, unknown>;
  if (Array.isArray(s.required) && !s.required.every((key) => Object.hasOwn(value, key as string))) return false;
  for (const [key, member] of Object.entries(value)) {
    if (Object.hasOwn(properties, key)) {
      if (!matches(childNode(node, 'properties', key), member, config)) return false;
    } else if (s.additionalProperties !== undefined) {
      if (!matches(childNode(node, 'additionalProperties'), member, config)) return false;
    }
  }
  return true;
}
