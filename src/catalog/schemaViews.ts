/**
 * The two views of a body schema (docs/decisions.md #29). A schema file's standard keywords hold only what the
 * docs state; a constraint with weaker evidence sits in an `x-inferred` block beside them, an annotation that
 * ajv, peers (openapi.yaml `$ref`s these files) and Pact ignore. The documented view is the file as written; the
 * full view adds every `x-inferred` block to the schema it annotates, at every depth.
 */
import { INFERRED_KEYWORD } from '../../schemas/fullView.js';

export { fullView, INFERRED_KEYWORD } from '../../schemas/fullView.js';

export type SchemaView = 'documented' | 'full';

/** Whether `schema` holds an `x-inferred` block anywhere (its full view then differs from the file). */
export function hasInferredConstraints(schema: unknown): boolean {
  if (Array.isArray(schema)) return schema.some(hasInferredConstraints);
  if (typeof schema !== 'object' || schema === null) return false;
  return Object.entries(schema).some(([key, value]) => key === INFERRED_KEYWORD || hasInferredConstraints(value));
}
