import { posix } from 'node:path';
import type { JsonSchema, SchemaArbitraryConfig } from './types.js';

/** The document a subschema lives in: `#/...` refs are resolved against `root`. */
export interface SchemaDocument {
  readonly id: string;
  readonly root: JsonSchema;
}

/** A subschema plus where it is: the document it belongs to and its location, for error messages. */
export interface SchemaNode {
  readonly schema: JsonSchema;
  readonly doc: SchemaDocument;
  /** `file#/json/pointer` of this subschema, e.g. `client.schema.json#/anyOf/0`. */
  readonly at: string;
}

export type SchemaObject = { readonly [keyword: string]: unknown };

/** Keywords that change nothing about which values are valid. `x-*` extensions are annotations too. */
const ANNOTATIONS = new Set([
  '$schema',
  '$id',
  '$comment',
  '$defs',
  'title',
  'description',
  'examples',
  'deprecated',
  'readOnly',
  'writeOnly',
  'default',
  'contentMediaType',
  'contentEncoding',
]);

/** Keywords the compiler and the mutator understand. Anything else is an error, so a new keyword is noticed. */
const SUPPORTED = new Set([
  '$ref',
  'type',
  'enum',
  'const',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'prefixItems',
  'minItems',
  'maxItems',
  'uniqueItems',
  'contains',
  'minLength',
  'maxLength',
  'pattern',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'format',
  'anyOf',
  'oneOf',
  'allOf',
  'not',
  'if',
  'then',
  'else',
]);

export function isAnnotation(keyword: string): boolean {
  return ANNOTATIONS.has(keyword) || keyword.startsWith('x-');
}

/** The root of a document: its id is its `$id`, else `documentId` (its file name), else ''. */
export function rootNode(schema: JsonSchema, documentId = ''): SchemaNode {
  const id = typeof schema === 'object' && typeof schema.$id === 'string' ? schema.$id : documentId;
  return { schema, doc: { id, root: schema }, at: `${id}#` };
}

/**
 * Child nodes already made, per subschema object and document: the validator asks for the same children for
 * every value it checks. (A parsed subschema object sits at one place in one document, so the location is
 * the same every time.)
 */
const children = new WeakMap<object, Map<string, SchemaNode>>();

/** The subschema under `segments` (e.g. `properties`, `name`), keeping the document. */
export function childNode(node: SchemaNode, ...segments: (string | number)[]): SchemaNode {
  let schema: unknown = node.schema;
  for (const segment of segments) schema = (schema as Record<string, unknown>)[segment];
  if (typeof schema === 'object' && schema !== null) {
    let byDoc = children.get(schema);
    if (!byDoc) children.set(schema, (byDoc = new Map()));
    let child = byDoc.get(node.doc.id);
    if (!child) byDoc.set(node.doc.id, (child = makeChild(node, segments, schema)));
    return child;
  }
  return makeChild(node, segments, schema);
}

function makeChild(node: SchemaNode, segments: (string | number)[], schema: unknown): SchemaNode {
  if (typeof schema !== 'boolean' && (typeof schema !== 'object' || schema === null || Array.isArray(schema)))
    throw new Error(`${node.at}/${segments.join('/')} is not a schema`);
  if (typeof schema === 'object' && '$id' in schema)
    throw new Error(`${node.at}/${segments.join('/')}: a nested $id is not supported (only at a document's root)`);
  return {
    schema: schema as JsonSchema,
    doc: node.doc,
    at: `${node.at}/${segments.map((s) => escapePointer(String(s))).join('/')}`,
  };
}

/** Throws on the first keyword that is neither supported nor an annotation, naming it and where it is. */
export function assertKnownKeywords(node: SchemaNode): void {
  if (typeof node.schema === 'boolean') return;
  for (const keyword of Object.keys(node.schema))
    if (!SUPPORTED.has(keyword) && !isAnnotation(keyword))
      throw new Error(`unsupported JSON Schema keyword "${keyword}" at ${node.at}`);
}

/** Follows `node.schema.$ref` (a `#/...` pointer, a file, or `file#/...`) to the node it names. */
export function followRef(node: SchemaNode, config: SchemaArbitraryConfig): SchemaNode {
  const ref = (node.schema as SchemaObject).$ref;
  if (typeof ref !== 'string') throw new Error(`$ref at ${node.at} is not a string`);
  // The validator follows the same refs for every value it checks: resolve each (document, ref) once.
  let cache = resolvedRefs.get(config);
  if (!cache) resolvedRefs.set(config, (cache = new Map()));
  const key = `${node.doc.id}#${ref}`;
  let target = cache.get(key);
  if (!target) cache.set(key, (target = resolveRef(node, ref, config)));
  return target;
}

const resolvedRefs = new WeakMap<SchemaArbitraryConfig, Map<string, SchemaNode>>();

function resolveRef(node: SchemaNode, ref: string, config: SchemaArbitraryConfig): SchemaNode {
  const hash = ref.indexOf('#');
  const file = hash === -1 ? ref : ref.slice(0, hash);
  const fragment = hash === -1 ? '' : ref.slice(hash + 1);
  let doc = node.doc;
  if (file !== '') {
    if (!config.resolve) throw new Error(`$ref "${ref}" at ${node.at} points to another file; pass options.resolve`);
    const root = config.resolve(file, node.doc.id || undefined);
    const ownId = typeof root === 'object' && typeof root.$id === 'string' ? root.$id : undefined;
    doc = { id: ownId ?? joinRelative(node.doc.id, file), root };
  }
  if (fragment !== '' && !fragment.startsWith('/'))
    throw new Error(`$ref "${ref}" at ${node.at}: only JSON-pointer fragments are supported, not anchors`);
  const segments = fragment === '' ? [] : fragment.slice(1).split('/').map(unescapePointer);
  const base: SchemaNode = { schema: doc.root, doc, at: `${doc.id}#` };
  try {
    return segments.length === 0 ? base : childNode(base, ...segments);
  } catch (cause) {
    throw new Error(`$ref "${ref}" at ${node.at} does not resolve: ${(cause as Error).message}`);
  }
}

function joinRelative(fromId: string, file: string): string {
  if (file.startsWith('/') || /^[a-z][a-z0-9+.-]*:/i.test(file) || !fromId.includes('/')) return file;
  return posix.join(posix.dirname(fromId), file);
}

export function escapePointer(segment: string): string {
  if (!segment.includes('~') && !segment.includes('/')) return segment;
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

function unescapePointer(segment: string): string {
  return decodeURIComponent(segment).replace(/~1/g, '/').replace(/~0/g, '~');
}

/** The instance-path pointer of a child: `pointer('/a', 'b/c')` is `/a/b~1c`. */
export function pointer(parent: string, segment: string | number): string {
  return `${parent}/${escapePointer(String(segment))}`;
}
