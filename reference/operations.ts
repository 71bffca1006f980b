import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { TokenType } from './auth/principal.js';
import { OP, OPERATION_KEYS } from '../schemas/operationTable.generated.js';
import { findPackageRoot } from './packageRoot.js';

/** One of the 14 operations: its route and who may call it (docs/facts.md §2–§3, decisions #9 and #11). */
export interface OperationPolicy {
  /** The catalog's operation key (ARCHITECTURE.md "Naming"). */
  readonly key: OperationKey;
  readonly method: HttpMethod;
  /** fastify route syntax. */
  readonly url: string;
  readonly tokenTypes: readonly TokenType[];
  /** Any-of (decisions #11); `[appId]` stands for the token's own app. Empty: no permission needed. */
  readonly permissions: readonly string[];
}

/** An `x-operation-key` of schemas/openapi.yaml; the reference names one through `KEY` or a key group. */
export type OperationKey = string;

type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';
const METHODS: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'DELETE'];

const SCHEME_TYPES: Readonly<Record<string, TokenType>> = {
  ClientAccessToken: 'client',
  AdminAccessToken: 'admin',
  UserAccessToken: 'user',
};

type Node = Readonly<Record<string, unknown>>;

/**
 * The operations of `<packageRoot>/schemas/openapi.yaml`, in document order: `x-operation-key`, the method, the
 * path as a fastify route, `x-token-types` and `x-permissions`. A token type of `x-token-types-unknown` is one the
 * reference takes a side on: it accepts it where the operation names its app explicitly (an `app_id`
 * query parameter: the manage operations, decisions #9) and refuses it elsewhere.
 */
export function loadOperations(packageRoot: string): OperationPolicy[] {
  const file = join(packageRoot, 'schemas', 'openapi.yaml');
  const doc = parse(readFileSync(file, 'utf8')) as Node;
  const fail = (message: string): never => {
    throw new Error(`${file}: ${message}`);
  };
  const operations: OperationPolicy[] = [];
  for (const [path, item] of Object.entries(asNode(doc['paths']))) {
    for (const [name, value] of Object.entries(asNode(item))) {
      const method = name.toUpperCase() as HttpMethod;
      if (!METHODS.includes(method)) continue;
      const operation = asNode(value);
      const where = `${method} ${path}`;
      const key = operation['x-operation-key'];
      if (typeof key !== 'string') return fail(`${where} has no x-operation-key`);
      if (operations.some((known) => known.key === key)) fail(`x-operation-key ${key} is used twice`);
      const tokenTypes = (field: string): TokenType[] =>
        strings(operation[field]).map((scheme) => SCHEME_TYPES[scheme] ?? fail(`${where}: unknown ${field} ${scheme}`));
      const explicitApp = parameters(doc, operation).some((p) => p['in'] === 'query' && p['name'] === 'app_id');
      operations.push({
        key,
        method,
        url: path.replace(/\{(\w+)\}/g, ':$1'),
        tokenTypes: [...tokenTypes('x-token-types'), ...(explicitApp ? tokenTypes('x-token-types-unknown') : [])],
        permissions: strings(operation['x-permissions']),
      });
    }
  }
  return operations;
}

/** An operation's parameters, `$ref`s to `#/components/parameters/…` resolved. */
function parameters(doc: Node, operation: Node): Node[] {
  const list = Array.isArray(operation['parameters']) ? (operation['parameters'] as unknown[]) : [];
  return list.map((entry) => {
    const ref = asNode(entry)['$ref'];
    if (typeof ref !== 'string') return asNode(entry);
    const name = ref.replace('#/components/parameters/', '');
    return asNode(asNode(asNode(doc['components'])['parameters'])[name]);
  });
}

const asNode = (value: unknown): Node =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Node) : {};

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

/**
 * The operations the reference serves, read once when it loads, from the package it belongs to: the registries
 * (faults.ts, choices.ts) name their requirement ids from them at module load.
 */
export const OPERATIONS: readonly OperationPolicy[] = loadOperations(findPackageRoot());

/** `CLIENTS-GET` → `CLIENTS_GET`, the key's name in `KEY`. */
export const constantName = (key: OperationKey): string => key.replaceAll('-', '_');

/** The keys one list has and the other lacks, either way. */
export function keyMismatch(declared: readonly string[], loaded: readonly string[]): string[] {
  return [...declared.filter((key) => !loaded.includes(key)), ...loaded.filter((key) => !declared.includes(key))];
}

/**
 * The keys as constants: `KEY.CLIENTS_GET` is `'CLIENTS-GET'`, from the table generated out of the same document
 * (schemas/operationTable.generated.ts), so a misspelt name does not compile. `OPERATIONS` must declare exactly
 * those keys, or the reference does not start.
 */
export const KEY = OP;
const stale = keyMismatch(
  OPERATION_KEYS,
  OPERATIONS.map((operation) => operation.key),
);
if (stale.length > 0) {
  throw new Error(
    `schemas/operationTable.generated.ts and schemas/openapi.yaml disagree on ${stale.join(', ')}: run npm run generate`,
  );
}
