import type fc from 'fast-check';
import type { SchemaRegistry } from '../spec/schemas.js';
import { arbitraryFromSchema } from './compile.js';
import { invalidFromSchema } from './mutate.js';
import type { InvalidCase, JsonSchema, MutationOptions, SchemaArbitraryOptions } from './types.js';

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
 * sits in `schemas/`, so a ref's file part is a file name there). Built arbitraries are cached: they are
 * immutable, and building one (the mutations especially) takes some milliseconds.
 */
export function createSchemaArbitraries(registry: Pick<SchemaRegistry, 'schema'>): SchemaArbitraries {
  const resolve = (file: string): JsonSchema => registry.schema(file);
  const cache = new Map<string, fc.Arbitrary<unknown>>();
  const cached = <T>(key: string, build: () => fc.Arbitrary<T>): fc.Arbitrary<T> => {
    let arb = cache.get(key);
    if (!arb) cache.set(key, (arb = build()));
    return arb as fc.Arbitrary<T>;
  };
  return {
    valid: (file, options = {}) =>
      cached(`valid ${file} ${JSON.stringify(options)}`, () =>
        arbitraryFromSchema(registry.schema(file), { ...options, resolve, documentId: file }),
      ),
    invalid: (file, options = {}) =>
      cached(`invalid ${file} ${JSON.stringify(options)}`, () =>
        invalidFromSchema(registry.schema(file), { ...options, resolve, documentId: file }),
      ),
  };
}
