/** Schema-derived test data: valid values (`arbitraryFromSchema`) and labelled invalid ones (`invalidFromSchema`). */
export { arbitraryFromSchema } from './compile.js';
export { invalidFromSchema } from './mutate.js';
export { createSchemaArbitraries } from './registry.js';
export type { FileArbitraryOptions, FileMutationOptions, SchemaArbitraries } from './registry.js';
export { MUTATION_KINDS } from './types.js';
export type {
  InvalidCase,
  JsonSchema,
  MutationKind,
  MutationLabel,
  MutationOptions,
  SchemaArbitraryOptions,
  SchemaResolver,
} from './types.js';
