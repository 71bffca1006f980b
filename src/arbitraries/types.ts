/** A JSON Schema (draft 2020-12) as parsed JSON: an object, or the boolean schemas `true`/`false`. */
export type JsonSchema = boolean | { readonly [keyword: string]: unknown };

/**
 * Finds the schema document a `$ref` points into.
 * @param file - the file part of the ref (before `#`), e.g. `client-oidc.schema.json`
 * @param from - the id of the document the ref appears in (its file name, or `$id`), if known
 * @returns the whole document; the compiler follows the `#/...` fragment itself
 */
export type SchemaResolver = (file: string, from?: string) => JsonSchema;

export interface SchemaArbitraryOptions {
  /** Needed only when a schema refers to another file. `#/$defs/...` refs are followed without it. */
  readonly resolve?: SchemaResolver;
  /** Id of the document being compiled (its file name), passed to `resolve` as `from`. */
  readonly documentId?: string;
  /** Past this nesting depth optional properties are left out and arrays are kept at `minItems`. Default 8. */
  readonly maxDepth?: number;
  /** Upper bound for arrays whose schema has no `maxItems`. Default 4. */
  readonly maxItems?: number;
}

/** `SchemaArbitraryOptions` resolved once, with every default filled in. */
export interface SchemaArbitraryConfig {
  readonly resolve: SchemaResolver | undefined;
  readonly maxDepth: number;
  readonly maxItems: number;
}

export const MUTATION_KINDS = [
  'missing-required',
  'wrong-type',
  'outside-enum',
  'forbidden-extra',
  'too-long',
  'too-short',
  'too-many-items',
  'null-not-nullable',
  'below-minimum',
  'above-maximum',
  'bad-format',
] as const;
export type MutationKind = (typeof MUTATION_KINDS)[number];

/**
 * The one rule an invalid value breaks.
 * `path` is a JSON pointer to the offending value. For `missing-required` and `forbidden-extra` it names the
 * absent or extra member (`/device_authorization/enabled`); ajv reports those at the parent object, with the
 * member in `params.missingProperty` / `params.additionalProperty`.
 * `keyword` is the JSON Schema keyword ajv reports (`required`, `type`, `enum`, `const`, `maxLength`, ...).
 */
export interface MutationLabel {
  readonly kind: MutationKind;
  readonly path: string;
  readonly keyword: string;
}

export interface InvalidCase {
  readonly value: unknown;
  readonly label: MutationLabel;
}

export interface MutationOptions extends SchemaArbitraryOptions {
  /** Only produce these kinds of mutation (default: every kind the schema forbids). */
  readonly kinds?: readonly MutationKind[];
}

export interface MutationConfig extends SchemaArbitraryConfig {
  readonly kinds: ReadonlySet<MutationKind>;
}

export function resolveArbitraryOptions(options: SchemaArbitraryOptions = {}): SchemaArbitraryConfig {
  const maxDepth = options.maxDepth ?? 8;
  const maxItems = options.maxItems ?? 4;
  if (!Number.isInteger(maxDepth) || maxDepth < 1)
    throw new Error(`maxDepth must be a positive integer, got ${maxDepth}`);
  if (!Number.isInteger(maxItems) || maxItems < 0)
    throw new Error(`maxItems must be a non-negative integer, got ${maxItems}`);
  return Object.freeze({ resolve: options.resolve, maxDepth, maxItems });
}

export function resolveMutationOptions(options: MutationOptions = {}): MutationConfig {
  for (const kind of options.kinds ?? [])
    if (!(MUTATION_KINDS as readonly string[]).includes(kind)) throw new Error(`unknown mutation kind "${kind}"`);
  return Object.freeze({ ...resolveArbitraryOptions(options), kinds: new Set(options.kinds ?? MUTATION_KINDS) });
}
