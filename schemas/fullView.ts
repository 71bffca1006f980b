/**
 * The full view of a body schema (docs/decisions.md #35): the `x-inferred` blocks of a schema file merged into the
 * schemas they annotate. It lives beside the files it reads because it defines what their `x-inferred` keyword
 * means, and because both the harness (src/catalog/schemaViews.ts) and the reference (which may read `schemas/` but
 * import nothing from `src/`) use it. It imports nothing (test/architecture.spec.ts).
 */

/** The annotation keyword holding a schema node's inferred constraints: a schema for the same instance. */
export const INFERRED_KEYWORD = 'x-inferred';

/**
 * The full view of a schema document: documented and inferred constraints together. Each `x-inferred` block is
 * merged into the node it annotates (its `required` joins the node's; a keyword the node lacks is added), so the
 * result stays a plain schema ajv's strict mode accepts; a keyword both hold goes into an `allOf` member instead.
 */
export function fullView<T>(schema: T): T {
  if (Array.isArray(schema)) return schema.map((item: unknown) => fullView(item)) as T;
  if (typeof schema !== 'object' || schema === null) return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key !== INFERRED_KEYWORD) out[key] = fullView(value);
  }
  const inferred = (schema as Record<string, unknown>)[INFERRED_KEYWORD];
  if (inferred === undefined) return out as T;
  const clash: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fullView(inferred) as Record<string, unknown>)) {
    if (key === 'required' && Array.isArray(out.required) && Array.isArray(value))
      out.required = [...new Set([...(out.required as unknown[]), ...value])];
    else if (!(key in out)) out[key] = value;
    else clash[key] = value;
  }
  if (Object.keys(clash).length > 0) out.allOf = [...(Array.isArray(out.allOf) ? out.allOf : []), clash];
  return out as T;
}
