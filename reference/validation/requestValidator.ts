import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import formatsPlugin from 'ajv-formats';
import { badRequest } from '../errors.js';
import { describeSchemaErrors } from './errorMessages.js';
import { fullView } from '../../schemas/fullView.js';

const addFormats = formatsPlugin.default;

/** Request validation against `schemas/*.schema.json` (the same files the harness checks with). */
export interface RequestValidator {
  /** Throws a 400 whose messages each name the offending field (decisions #2). */
  assertValid(schemaFile: string, body: unknown): void;
  /** Top-level fields the schema declares; other fields are ignored and not stored (decisions #6). */
  knownFields(schemaFile: string): ReadonlySet<string>;
}

/**
 * Loads the full view (docs/decisions.md #35) of every `*.schema.json` under `<packageRoot>/schemas` into one ajv,
 * keyed by file name so the relative
 * `$ref`s between files resolve. Not strict: the reference must keep running on a schema using a keyword ajv's
 * strict mode dislikes; the harness's own loader (src/catalog) is the strict one.
 */
export function loadRequestValidator(packageRoot: string): RequestValidator {
  const dir = join(packageRoot, 'schemas');
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  const schemas = new Map<string, Record<string, unknown>>();
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.schema.json'))
    .sort()) {
    const schema = fullView(JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, unknown>);
    schemas.set(file, schema);
    if (typeof schema['$id'] === 'string') ajv.addSchema(schema);
    else ajv.addSchema(schema, file);
  }
  const compiled = new Map<string, ValidateFunction>();
  const fieldCache = new Map<string, ReadonlySet<string>>();

  const validatorFor = (file: string): ValidateFunction => {
    let validate = compiled.get(file);
    if (!validate) {
      const schema = schemas.get(file);
      if (!schema) throw new Error(`schema file ${file} not found in ${dir}`);
      validate =
        (typeof schema['$id'] === 'string' ? ajv.getSchema(schema['$id']) : ajv.getSchema(file)) ?? ajv.compile(schema);
      compiled.set(file, validate);
    }
    return validate;
  };

  return {
    assertValid(file, body) {
      const validate = validatorFor(file);
      if (validate(body)) return;
      throw badRequest(...describeSchemaErrors((validate.errors ?? []) as ErrorObject[]));
    },
    knownFields(file) {
      let fields = fieldCache.get(file);
      if (!fields) {
        fields = collectProperties(file, schemas, new Set());
        fieldCache.set(file, fields);
      }
      return fields;
    },
  };
}

/** Property names declared at the top level, following `$ref`s to sibling files and `allOf`/`anyOf`/`oneOf`. */
function collectProperties(
  file: string,
  schemas: ReadonlyMap<string, Record<string, unknown>>,
  seen: Set<string>,
): ReadonlySet<string> {
  const names = new Set<string>();
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return;
    const schema = node as Record<string, unknown>;
    const properties = schema['properties'];
    if (properties && typeof properties === 'object') for (const name of Object.keys(properties)) names.add(name);
    const ref = schema['$ref'];
    if (typeof ref === 'string' && !ref.startsWith('#')) {
      const target = ref.split('#')[0]!;
      if (!seen.has(target)) {
        seen.add(target);
        visit(schemas.get(target));
      }
    }
    for (const key of ['allOf', 'anyOf', 'oneOf']) {
      const list = schema[key];
      if (Array.isArray(list)) for (const sub of list) visit(sub);
    }
  };
  seen.add(file);
  visit(schemas.get(file));
  return names;
}
