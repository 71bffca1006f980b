import type fc from 'fast-check';
import type { SchemaRegistry } from '../catalog/schemas.js';
import { compileSchema } from './compile.js';
import { mutateSchema } from './mutate.js';
import {
  resolveArbitraryOptions,
  resolveMutationOptions,
  type InvalidCase,
  type JsonSchema,
  type MutationOptions,
  type SchemaArbitraryOptions,
} from './types.js';

/** The options a caller may still set when the registry supplies `resolve` and `documentId`. */
export type FileArbitraryOptions = Omit<SchemaArbitraryOptions, 'resolve' | 'documentId'>;
export type FileMutationOptions = Omit<MutationOptions, 'resolve' | 'documentId'>;

export interface SchemaArbitraries {
  /** Values valid against `schemas/<file>`. */
  valid(file: string, options?: FileArbitraryOptions): fc.Arbitrary<unknown>;
  /** Labelled invalid values for `schemas/<file>` (see `invalidFromSchema`). */
  invalid(file: string, options?: FileMutationOptions): fc.Arbitrary<InvalidCase>;
}

/**
 * Arbitraries by schema file name, with cross-file `$ref`s resolved through the registry (every schema file
 * sits in `schemas/`, so a ref's file part is a file name there). Results are cached, and files compiled
 * with the same options share their compiled parts (the client schema inside every client envelope).
 * They compile each file's full view (documented and `x-inferred` constraints, docs/decisions.md #35): valid
 * values meet every constraint, so a target that makes the inferred choices accepts them, and the mutations
 * break inferred constraints as well as documented ones (their checks judge by the evidence of their own rule).
 */
export function createSchemaArbitraries(registry: Pick<SchemaRegistry, 'schema'>): SchemaArbitraries {
  const resolve = (file: string): JsonSchema => registry.schema(file, 'full');
  const memo = new Map<string, unknown>();
  const once = <T>(key: string, build: () => T): T => {
    if (!memo.has(key)) memo.set(key, build());
    return memo.get(key) as T;
  };
  const validConfig = (options: FileArbitraryOptions) =>
    once(`valid config ${JSON.stringify(options)}`, () => resolveArbitraryOptions({ ...options, resolve }));
  const mutationConfig = (options: FileMutationOptions) =>
    once(`mutation config ${JSON.stringify(options)}`, () => resolveMutationOptions({ ...options, resolve }));
  return {
    valid: (file, options = {}) =>
      once(`valid ${file} ${JSON.stringify(options)}`, () => compileSchema(resolve(file), validConfig(options), file)),
    invalid: (file, options = {}) =>
      once(`invalid ${file} ${JSON.stringify(options)}`, () =>
        mutateSchema(resolve(file), mutationConfig(options), file),
      ),
  };
}
