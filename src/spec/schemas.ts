import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv';
import formatsPlugin from 'ajv-formats';

// ajv-formats is CommonJS with `exports.default`; under NodeNext the plugin is `.default` (TOOLCHAIN §2 #8).
const addFormats = formatsPlugin.default;

/** A JSON Schema document as parsed from `schemas/*.schema.json`. */
export type JsonSchema = Readonly<Record<string, unknown>>;

export interface SchemaValidation {
  readonly valid: boolean;
  /** One line per failure: instance path, then ajv's message, e.g. `/result/name must be string`. */
  readonly errors: readonly string[];
}

export interface SchemaRegistry {
  /** The configured validator (draft 2020-12, strict, allErrors, formats) holding every schema file. */
  readonly ajv: Ajv2020;
  /** The schema file names, e.g. `client.schema.json`, sorted. */
  files(): readonly string[];
  /** The parsed schema of one file; throws on an unknown file name. */
  schema(file: string): JsonSchema;
  /** Validates `data` against one schema file; throws on an unknown file name. */
  validate(schemaFile: string, data: unknown): SchemaValidation;
}

const SCHEMA_FILE = /\.schema\.json$/;

/** Turns ajv errors into readable lines; the instance path is `/` for the document root. */
export function formatSchemaErrors(errors: readonly ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((error) => {
    const where = error.instancePath === '' ? '/' : error.instancePath;
    const allowed =
      error.keyword === 'enum'
        ? `: ${(error.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`
        : '';
    const constant =
      error.keyword === 'const' ? ` ${JSON.stringify((error.params as { allowedValue: unknown }).allowedValue)}` : '';
    return `${where} ${error.message ?? error.keyword}${constant}${allowed}`;
  });
}

function readSchemaFile(dir: string, file: string): JsonSchema {
  const text = readFileSync(join(dir, file), 'utf8');
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not a JSON object');
    return parsed as JsonSchema;
  } catch (error) {
    throw new Error(`schemas/${file}: cannot parse: ${(error as Error).message}`);
  }
}

/**
 * Loads and compiles every `schemas/*.schema.json` under `packageRoot`, synchronously so startup code can use it.
 * Each body schema carries `"$id": "<its file name>"`, so relative cross-file `$ref`s resolve the same way in ajv
 * and in OpenAPI bundlers; a file without `$id` is registered under its file name, which has the same effect.
 */
export function loadSchemaRegistry(packageRoot: string): SchemaRegistry {
  const dir = join(packageRoot, 'schemas');
  const fileNames = readdirSync(dir)
    .filter((f) => SCHEMA_FILE.test(f))
    .sort();
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);

  const schemas = new Map<string, JsonSchema>();
  const keys = new Map<string, string>();
  for (const file of fileNames) {
    const schema = readSchemaFile(dir, file);
    const id = typeof schema.$id === 'string' ? schema.$id : undefined;
    if (id === undefined || id === file) ajv.addSchema(schema, file);
    else ajv.addSchema(schema); // registered under its own $id; looked up by that id below
    schemas.set(file, schema);
    keys.set(file, id ?? file);
  }

  // Compile everything now: a schema that strict mode rejects or a $ref that does not resolve fails at load,
  // naming its file, instead of at the first validation deep inside a run.
  const validators = new Map<string, ValidateFunction>();
  for (const file of fileNames) {
    try {
      const validator = ajv.getSchema(keys.get(file) as string);
      if (!validator) throw new Error('not registered');
      validators.set(file, validator);
    } catch (error) {
      throw new Error(`schemas/${file}: does not compile: ${(error as Error).message}`);
    }
  }

  const known = (file: string): void => {
    if (!schemas.has(file)) {
      throw new Error(`unknown schema file "${file}"; known: ${fileNames.join(', ')}`);
    }
  };

  return {
    ajv,
    files: () => fileNames,
    schema(file) {
      known(file);
      return schemas.get(file) as JsonSchema;
    },
    validate(schemaFile, data) {
      known(schemaFile);
      const validator = validators.get(schemaFile) as ValidateFunction;
      const valid = validator(data);
      return { valid, errors: valid ? [] : formatSchemaErrors(validator.errors) };
    },
  };
}
