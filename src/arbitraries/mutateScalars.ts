import fc from 'fast-check';
import { compileString, lengthBounds, numberBounds } from './compileScalars.js';
import {
  declaredTypes,
  generatedTypes,
  keywordsOf,
  locationOf,
  stringsOf,
  without,
  type Conjunction,
} from './conjunction.js';
import { badFormatValues, conformsToFormat } from './formats.js';
import { codePointLength, deepEqual } from './json.js';
import { matches } from './matches.js';
import { filterOrDrop, UnsatisfiableSchemaError } from './probe.js';
import type { MutationSite, MutateContext } from './mutate.js';
import type { MutationKind } from './types.js';

// Built once: fast-check does real work when a string arbitrary is built, and arbitraries are immutable.
const shortString = fc.string({ maxLength: 8 });
const someString = fc.string({ minLength: 1, maxLength: 12 });
const smallInteger = fc.integer({ min: -1000, max: 1000 });
const WRONG = {
  string: shortString,
  integer: smallInteger,
  fraction: smallInteger.map((n) => n + 0.5),
  boolean: fc.boolean(),
  object: fc.dictionary(fc.string({ maxLength: 4 }), fc.string({ maxLength: 4 }), {
    maxKeys: 2,
    noNullPrototype: true,
  }),
  array: fc.array(fc.string({ maxLength: 4 }), { maxLength: 2 }),
};

/** A site whose values sit at the node itself (relative path ''). */
function site(kind: MutationKind, keyword: string, values: fc.Arbitrary<unknown>): MutationSite {
  return { kind, arbitrary: values.map((value) => ({ value, label: { kind, path: '', keyword } })) };
}

/** wrong-type and null-not-nullable: a value of a type `type` does not list (or, for null, an enum lacks). */
export function typeSites(nodes: Conjunction, ctx: MutateContext): MutationSite[] {
  const sites: MutationSite[] = [];
  const declared = declaredTypes(nodes);
  const enumerated = nodes.find((n) => Array.isArray(keywordsOf(n).enum) || 'const' in keywordsOf(n));
  if (ctx.config.kinds.has('null-not-nullable')) {
    if (declared && !declared.includes('null')) sites.push(site('null-not-nullable', 'type', fc.constant(null)));
    else if (!declared && enumerated && !matches(enumerated, null, ctx.config))
      sites.push(site('null-not-nullable', 'const' in keywordsOf(enumerated) ? 'const' : 'enum', fc.constant(null)));
  }
  if (declared && ctx.config.kinds.has('wrong-type')) {
    const number = declared.includes('number');
    const integer = number || declared.includes('integer');
    const candidates: fc.Arbitrary<unknown>[] = [
      ...(declared.includes('string') ? [] : [WRONG.string]),
      ...(integer ? [] : [WRONG.integer]),
      ...(number ? [] : [WRONG.fraction]),
      ...(declared.includes('boolean') ? [] : [WRONG.boolean]),
      ...(declared.includes('object') ? [] : [WRONG.object]),
      ...(declared.includes('array') ? [] : [WRONG.array]),
    ];
    if (candidates.length > 0) sites.push(site('wrong-type', 'type', fc.oneof(...candidates)));
  }
  return sites;
}

/** outside-enum: a value of the enum's own type that the enum (or const) does not list but the rest allows. */
export function enumSites(nodes: Conjunction, ctx: MutateContext): MutationSite[] {
  const enumerated = nodes.find((n) => Array.isArray(keywordsOf(n).enum) || 'const' in keywordsOf(n));
  if (!enumerated || !ctx.config.kinds.has('outside-enum')) return [];
  const s = keywordsOf(enumerated);
  const keyword = 'const' in s ? 'const' : 'enum';
  const listed = 'const' in s ? [s.const] : (s.enum as unknown[]);
  const strings = listed.filter((v): v is string => typeof v === 'string');
  const numbers = listed.filter((v): v is number => typeof v === 'number');
  const candidates: fc.Arbitrary<unknown>[] = [];
  if (strings.length > 0) {
    // Near misses first (a case change, a suffix), as a careless server would accept them.
    const nearMiss = fc
      .tuple(fc.constantFrom(...strings), fc.boolean())
      .map(([v, upper]) => (upper ? v.toUpperCase() : `${v}_x`));
    candidates.push(nearMiss, someString);
  }
  if (numbers.length > 0)
    candidates.push(
      smallInteger,
      fc.constantFrom(...numbers).map((n) => n + 1),
    );
  if (listed.some((v) => typeof v === 'boolean')) candidates.push(fc.boolean());
  if (candidates.length === 0) candidates.push(fc.constant('not-a-listed-value'));
  const rest = nodes.map((n) => (n === enumerated ? without(n, 'enum', 'const') : n));
  const breaksOnlyEnum = (v: unknown) =>
    !listed.some((option) => deepEqual(option, v)) && rest.every((n) => matches(n, v, ctx.config));
  return dropIfUnsatisfiable(() =>
    site(
      'outside-enum',
      keyword,
      filterOrDrop(fc.oneof(...candidates), breaksOnlyEnum, `outside-enum at ${locationOf(nodes)}`),
    ),
  );
}

/** too-long, too-short, bad-format for strings. */
export function stringSites(nodes: Conjunction, ctx: MutateContext): MutationSite[] {
  if (!generatedTypes(nodes).includes('string')) return [];
  const at = locationOf(nodes);
  const kinds = ctx.config.kinds;
  const { min, max } = lengthBounds(nodes, at);
  const sites: MutationSite[] = [];
  const valid = () => compileString(nodes, at);
  if (max !== undefined && kinds.has('too-long'))
    sites.push(
      ...dropIfUnsatisfiable(() =>
        site(
          'too-long',
          'maxLength',
          fc
            .tuple(valid(), fc.nat({ max: 8 }))
            .map(([s, extra]) => s + 'x'.repeat(max + 1 + extra - codePointLength(s))),
        ),
      ),
    );
  if (min > 0 && kinds.has('too-short'))
    sites.push(
      ...dropIfUnsatisfiable(() =>
        site(
          'too-short',
          'minLength',
          fc.tuple(valid(), fc.nat({ max: min - 1 })).map(([s, keep]) => Array.from(s).slice(0, keep).join('')),
        ),
      ),
    );
  const [format] = stringsOf(nodes, 'format');
  if (format !== undefined && kinds.has('bad-format')) {
    const bad = badFormatValues(format, at).filter((v) => !conformsToFormat(format, v));
    const fitting = bad.filter((v) => codePointLength(v) >= min && (max === undefined || codePointLength(v) <= max));
    sites.push(site('bad-format', 'format', fc.constantFrom(...(fitting.length > 0 ? fitting : bad))));
  }
  return sites;
}

/** The first value past a bound (often: it is the one an off-by-one check lets through), or one further out. */
function pastEdge(edge: number, direction: 1 | -1): fc.Arbitrary<number> {
  return fc.oneof(
    fc.constant(edge),
    fc.integer({ min: 1, max: 1000 }).map((k) => edge + direction * k),
  );
}

/** below-minimum and above-maximum, just past the bound or further. */
export function numberSites(nodes: Conjunction, ctx: MutateContext): MutationSite[] {
  const types = generatedTypes(nodes);
  if (!types.includes('number') && !types.includes('integer')) return [];
  const integerOnly = !types.includes('number');
  const b = numberBounds(nodes);
  const sites: MutationSite[] = [];
  if (b.min !== undefined && ctx.config.kinds.has('below-minimum')) {
    const edge = integerOnly
      ? b.minExcluded
        ? Math.floor(b.min)
        : Math.ceil(b.min) - 1
      : b.minExcluded
        ? b.min
        : b.min - 1;
    sites.push(site('below-minimum', b.minExcluded ? 'exclusiveMinimum' : 'minimum', pastEdge(edge, -1)));
  }
  if (b.max !== undefined && ctx.config.kinds.has('above-maximum')) {
    const edge = integerOnly
      ? b.maxExcluded
        ? Math.ceil(b.max)
        : Math.floor(b.max) + 1
      : b.maxExcluded
        ? b.max
        : b.max + 1;
    sites.push(site('above-maximum', b.maxExcluded ? 'exclusiveMaximum' : 'maximum', pastEdge(edge, 1)));
  }
  return sites;
}

/** `[build()]`, or `[]` when that part of the schema cannot be satisfied. */
export function dropIfUnsatisfiable<T>(build: () => T): T[] {
  try {
    return [build()];
  } catch (error) {
    if (error instanceof UnsatisfiableSchemaError) return [];
    throw error;
  }
}
