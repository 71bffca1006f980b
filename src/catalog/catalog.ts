/**
 * Loads the requirement catalog (`schemas/requirements.json`) and answers look-ups on it.
 * The JSON Schema checks each entry's shape; the cross-entry rules a schema cannot express
 * (unique ids, id prefix = operation key, operation listed) are checked here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorObject } from 'ajv';
import type { OperationRef, Requirement, RequirementCatalog } from '../model/requirement.js';

export const CATALOG_FILE = 'schemas/requirements.json';
export const CATALOG_SCHEMA_FILE = 'schemas/requirements.schema.json';

/** Reads, validates and returns the catalog. Throws an Error naming the first bad entries. */
export function loadCatalog(packageRoot: string): RequirementCatalog {
  const data = readJson(join(packageRoot, CATALOG_FILE));
  const schema = readJson(join(packageRoot, CATALOG_SCHEMA_FILE)) as object;
  const validate = new Ajv2020({ strict: true, allErrors: true }).compile(schema);
  if (!validate(data)) {
    const problems = (validate.errors ?? []).slice(0, 10).map((e) => describeSchemaError(data, e));
    throw new Error(`${CATALOG_FILE} does not match ${CATALOG_SCHEMA_FILE}:\n  ${problems.join('\n  ')}`);
  }
  const catalog = data as RequirementCatalog;
  const problems = crossEntryProblems(catalog);
  if (problems.length > 0) throw new Error(`${CATALOG_FILE} is inconsistent:\n  ${problems.join('\n  ')}`);
  return catalog;
}

/** The requirement with this id; throws `Unknown requirement id 'X'` when there is none. */
export function requirementById(catalog: RequirementCatalog, id: string): Requirement {
  const found = catalog.requirements.find((r) => r.id === id);
  if (!found) throw new Error(`Unknown requirement id '${id}'`);
  return found;
}

/**
 * The requirements of one operation, in catalog order. `operation` is either `METHOD /path`
 * (as in `Requirement.operation`) or an operation key such as `CLIENTS-CREATE`.
 */
export function requirementsFor(catalog: RequirementCatalog, operation: string): Requirement[] {
  const target = operation.includes(' ') ? operation : operationLabel(operationByKey(catalog, operation));
  return catalog.requirements.filter((r) => r.operation === target);
}

/** The operation with this key; throws `Unknown operation key 'X'` when there is none. */
export function operationByKey(catalog: RequirementCatalog, key: string): OperationRef {
  const found = catalog.operations.find((o) => o.key === key);
  if (!found) throw new Error(`Unknown operation key '${key}'`);
  return found;
}

/** `METHOD /path`, the form requirements name their operation by. */
export function operationLabel(operation: OperationRef): string {
  return `${operation.method} ${operation.path}`;
}

function crossEntryProblems(catalog: RequirementCatalog): string[] {
  const problems: string[] = [];
  const byLabel = new Map<string, OperationRef>();
  const keys = new Set<string>();
  for (const op of catalog.operations) {
    const label = operationLabel(op);
    if (byLabel.has(label)) problems.push(`operation '${label}' is listed twice`);
    if (keys.has(op.key)) problems.push(`operation key '${op.key}' is used twice`);
    byLabel.set(label, op);
    keys.add(op.key);
  }
  const ids = new Set<string>();
  catalog.requirements.forEach((r, index) => {
    const where = `requirements[${index}] (id '${r.id}')`;
    if (ids.has(r.id)) problems.push(`${where}: duplicate id`);
    ids.add(r.id);
    const op = byLabel.get(r.operation);
    if (!op) problems.push(`${where}: operation '${r.operation}' is not in the operations list`);
    // The longest key that prefixes the id must be the operation's own (CLIENTS-DELETE vs CLIENTS-DELETE-ALL).
    else if (longestKeyPrefix(r.id, keys) !== op.key)
      problems.push(`${where}: id must start with '${op.key}-' (the key of ${r.operation})`);
  });
  return problems;
}

function longestKeyPrefix(id: string, keys: ReadonlySet<string>): string | undefined {
  let best: string | undefined;
  for (const key of keys) if (id.startsWith(`${key}-`) && (!best || key.length > best.length)) best = key;
  return best;
}

function describeSchemaError(data: unknown, error: ErrorObject): string {
  const match = /^\/requirements\/(\d+)/.exec(error.instancePath);
  const entries = (data as { requirements?: Array<{ id?: unknown }> }).requirements;
  const id = match && entries ? entries[Number(match[1])]?.id : undefined;
  const who = typeof id === 'string' ? ` (id '${id}')` : '';
  return `${error.instancePath || '/'}${who}: ${error.message ?? 'is invalid'}${paramsOf(error)}`;
}

function paramsOf(error: ErrorObject): string {
  const p = error.params as Record<string, unknown>;
  if ('allowedValues' in p) return ` (${JSON.stringify(p['allowedValues'])})`;
  if ('additionalProperty' in p) return ` ('${String(p['additionalProperty'])}')`;
  return '';
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch (error) {
    throw new Error(`Cannot read ${file}: ${(error as Error).message}`);
  }
}
