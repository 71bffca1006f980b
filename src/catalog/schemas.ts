import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv';
import formatsPlugin from 'ajv-formats';
import { fullView, hasInferredConstraints, INFERRED_KEYWORD, type SchemaView } from './schemaViews.js';

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
  /** The configured validator (draft 2020-12, strict, allErrors, formats) holding every schema file as written. */
  readonly ajv: Ajv2020;
  /** The validator of one view: `documented` is `ajv`; `full` holds every file's full view under the same ids. */
  ajvFor(view: SchemaView): Ajv2020;
  /** The schema file names, e.g. `client.schema.json`, sorted. */
  files(): readonly string[];
  /**
   * The parsed schema of one file; throws on an unknown file name. `documented` (the default) is the file as
   * written; `full` adds its `x-inferred` constraints (src/catalog/schemaViews.ts).
   */
  schema(file: string, view?: SchemaView): JsonSchema;
  /** Whether the file, or a file it refers to, holds inferred constraints (its two views then differ). */
  hasInferred(file: string): boolean;
  /** Validates `data` against one schema file in one view (default `documented`); throws on an unknown file. */
  validate(schemaFile: string, data: unknown, view?: SchemaView): SchemaValidation;
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

const sharedRegistries = new Map<string, SchemaRegistry>();

/**
 * One registry per package root for the whole process: a worker's suite files and their checks share it (it is
 * read-only; compiling the schemas costs about 0.2 s a view, which every check would otherwise pay again).
 */
export function sharedSchemaRegistry(packageRoot: string): SchemaRegistry {
  let registry = sharedRegistries.get(packageRoot);
  if (!registry) sharedRegistries.set(packageRoot, (registry = loadSchemaRegistry(packageRoot)));
  return registry;
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
  const documented = new Map<string, JsonSchema>();
  for (const file of fileNames) documented.set(file, readSchemaFile(dir, file));
  const full = new Map([...documented].map(([file, schema]) => [file, fullView(schema)]));
  // The full view is compiled on first use: most suite files never validate a body with inferred constraints.
  const compiled = new Map<SchemaView, ReturnType<typeof compileAll>>([['documented', compileAll(documented)]]);
  const view = (name: SchemaView): ReturnType<typeof compileAll> => {
    if (!compiled.has(name)) compiled.set(name, compileAll(full));
    return compiled.get(name) as ReturnType<typeof compileAll>;
  };

  const known = (file: string): void => {
    if (!documented.has(file)) {
      throw new Error(`unknown schema file "${file}"; known: ${fileNames.join(', ')}`);
    }
  };
  const inferred = new Map<string, boolean>();
  const hasInferred = (file: string, seen = new Set<string>()): boolean => {
    if (inferred.has(file)) return inferred.get(file) as boolean;
    seen.add(file);
    const schema = documented.get(file);
    const answer =
      hasInferredConstraints(schema) ||
      referencedFiles(schema).some((other) => !seen.has(other) && documented.has(other) && hasInferred(other, seen));
    inferred.set(file, answer);
    return answer;
  };

  return {
    ajv: view('documented').ajv,
    ajvFor: (name) => view(name).ajv,
    files: () => fileNames,
    schema(file, viewName = 'documented') {
      known(file);
      return (viewName === 'full' ? full : documented).get(file) as JsonSchema;
    },
    hasInferred(file) {
      known(file);
      return hasInferred(file);
    },
    validate(schemaFile, data, viewName = 'documented') {
      known(schemaFile);
      const validator = view(viewName).validators.get(schemaFile) as ValidateFunction;
      const valid = validator(data);
      return { valid, errors: valid ? [] : formatSchemaErrors(validator.errors) };
    },
  };
}

/**
 * One strict ajv holding every schema of a view, each compiled now: a schema that strict mode rejects or a `$ref`
 * that does not resolve fails at load, naming its file, instead of at the first validation deep inside a run.
 * Each body schema carries `"$id": "<its file name>"`, so relative cross-file `$ref`s resolve the same way in ajv
 * and in OpenAPI bundlers; a file without `$id` is registered under its file name, which has the same effect.
 * `x-inferred` is registered as an annotation, so the documented view ignores it.
 */
function compileAll(schemas: ReadonlyMap<string, JsonSchema>): {
  ajv: Ajv2020;
  validators: Map<string, ValidateFunction>;
} {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  ajv.addKeyword(INFERRED_KEYWORD);
  const keys = new Map<string, string>();
  for (const [file, schema] of schemas) {
    const id = typeof schema.$id === 'string' ? schema.$id : undefined;
    if (id === undefined || id === file) ajv.addSchema(schema, file);
    else ajv.addSchema(schema); // registered under its own $id; looked up by that id below
    keys.set(file, id ?? file);
  }
  const validators = new Map<string, ValidateFunction>();
  for (const file of schemas.keys()) {
    try {
      const validator = ajv.getSchema(keys.get(file) as string);
      if (!validator) throw new Error('not registered');
      validators.set(file, validator);
    } catch (error) {
      throw new Error(`schemas/${file}: does not compile: ${(error as Error).message}`);
    }
  }
  return { ajv, validators };
}

/** The schema files a document's `$ref`s name (the part before `#`). */
function referencedFiles(schema: unknown): string[] {
  if (Array.isArray(schema)) return schema.flatMap(referencedFiles);
  if (typeof schema !== 'object' || schema === null) return [];
  return Object.entries(schema).flatMap(([key, value]) =>
    key === '$ref' && typeof value === 'string' && !value.startsWith('#')
      ? [value.split('#')[0] as string]
      : referencedFiles(value),
  );
}
