/**
 * Loads `schemas/openapi.yaml` and lists its operations with the extensions the harness reads
 * (`x-permissions`, `x-token-types`, `x-evidence` on responses).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Evidence } from '../model/verdict.js';

export const OPENAPI_FILE = 'schemas/openapi.yaml';

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** The parts of an OpenAPI 3.1 document this module reads; everything else passes through untyped. */
export interface OpenApiDocument {
  readonly openapi: string;
  readonly paths: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  readonly components?: Readonly<Record<string, unknown>>;
  readonly [key: string]: unknown;
}

/** One operation of the document, flattened. */
export interface OpenApiOperation {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'OPTIONS' | 'HEAD' | 'PATCH' | 'TRACE';
  readonly path: string;
  readonly operationId: string;
  /** `x-permissions`, verbatim from the seeds (empty for the `/me` operations). */
  readonly permissions: readonly string[];
  /** `x-token-types`: the token types the docs accept. */
  readonly tokenTypes: readonly string[];
  /** Response keys as written: `"200"`, `"404"`, `"2XX"`. */
  readonly responses: readonly string[];
  /** Evidence per response key: `x-evidence` of the response (or of its `$ref` target), else documented. */
  readonly responseEvidence: Readonly<Record<string, Evidence>>;
}

/** Reads and parses the OpenAPI document. Throws an Error naming the file when it cannot. */
export function loadOpenApi(packageRoot: string): OpenApiDocument {
  const file = join(packageRoot, OPENAPI_FILE);
  let doc: unknown;
  try {
    doc = parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read ${file}: ${(error as Error).message}`);
  }
  if (!isRecord(doc) || typeof doc['openapi'] !== 'string' || !isRecord(doc['paths']))
    throw new Error(`${file} is not an OpenAPI document (no 'openapi' version or no 'paths')`);
  return doc as unknown as OpenApiDocument;
}

/** Every operation of the document, in document order. */
export function operationsOf(doc: OpenApiDocument): OpenApiOperation[] {
  const out: OpenApiOperation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (!isRecord(op)) continue;
      const responses = isRecord(op['responses']) ? op['responses'] : {};
      const evidence: Record<string, Evidence> = {};
      for (const [status, response] of Object.entries(responses)) evidence[status] = evidenceOf(doc, response);
      out.push({
        method: method.toUpperCase() as OpenApiOperation['method'],
        path,
        operationId: String(op['operationId'] ?? ''),
        permissions: stringList(op['x-permissions']),
        tokenTypes: stringList(op['x-token-types']),
        responses: Object.keys(responses),
        responseEvidence: evidence,
      });
    }
  }
  return out;
}

function evidenceOf(doc: OpenApiDocument, response: unknown): Evidence {
  const target =
    isRecord(response) && typeof response['$ref'] === 'string' ? localTarget(doc, response['$ref']) : response;
  const value = isRecord(target) ? target['x-evidence'] : undefined;
  return value === 'inferred' || value === 'observation' ? value : 'documented';
}

/** Resolves a `#/...` pointer inside the document; other refs are not followed here. */
function localTarget(doc: OpenApiDocument, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  let node: unknown = doc;
  for (const part of ref.slice(2).split('/')) {
    if (!isRecord(node)) return undefined;
    node = node[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return node;
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
