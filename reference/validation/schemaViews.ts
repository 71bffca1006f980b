/**
 * The full view of a body schema: its `x-inferred` constraints merged into the schema they annotate
 * (docs/decisions.md #35). The reference makes the inferred choices, so it validates requests against the full
 * view. The same merge as the harness's `src/catalog/schemaViews.ts`, which `reference/` may not import;
 * test/reference/schemaViews.spec.ts keeps the two equal on every schema file.
 */
const INFERRED_KEYWORD = 'x-inferred';

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
