import fc from 'fast-check';
import { numbersOf, stringsOf, type Conjunction } from './conjunction.js';
import { conformsToFormat, formatArbitrary } from './formats.js';
import { codePointLength } from './json.js';
import { filterOrDrop, UnsatisfiableSchemaError } from './probe.js';

export interface LengthBounds {
  readonly min: number;
  readonly max: number | undefined;
}

export function lengthBounds(nodes: Conjunction, at: string): LengthBounds {
  const min = Math.max(0, ...numbersOf(nodes, 'minLength'));
  const maxes = numbersOf(nodes, 'maxLength');
  const max = maxes.length > 0 ? Math.min(...maxes) : undefined;
  if (max !== undefined && max < min) throw new UnsatisfiableSchemaError(`minLength > maxLength at ${at}`);
  return { min, max };
}

/** Strings for the string keywords of the conjunction: lengths in code points, `format`, `pattern`. */
export function compileString(nodes: Conjunction, at: string): fc.Arbitrary<string> {
  const { min, max } = lengthBounds(nodes, at);
  const formats = stringsOf(nodes, 'format');
  const patterns = stringsOf(nodes, 'pattern').map((p) => new RegExp(p, 'u'));
  const fits = (s: string, skipFormat?: string, skipPattern?: RegExp) => {
    const length = codePointLength(s);
    return (
      length >= min &&
      (max === undefined || length <= max) &&
      formats.every((f) => f === skipFormat || conformsToFormat(f, s)) &&
      patterns.every((p) => p === skipPattern || p.test(s))
    );
  };
  if (formats.length > 0) {
    const [format] = formats as [string];
    const base = formatArbitrary(format, at);
    const alone = formats.length === 1 && patterns.length === 0 && min === 0 && max === undefined;
    return alone ? base : filterOrDrop(base, (s) => fits(s, format), `format "${format}" strings at ${at}`);
  }
  if (patterns.length > 0) {
    const [pattern] = patterns as [RegExp];
    const base = fc.stringMatching(pattern, max === undefined ? {} : { maxLength: max });
    return filterOrDrop(base, (s) => fits(s, undefined, pattern), `pattern ${pattern} strings at ${at}`);
  }
  // Mostly printable ASCII, sometimes any printable code point: both are one code point per unit, so the
  // lengths fast-check counts are the lengths JSON Schema counts.
  return plainString(min, max);
}

const plainStrings = new Map<string, fc.Arbitrary<string>>();

/** Cached per bounds: fast-check does real work when a string arbitrary is built, and arbitraries are immutable. */
function plainString(min: number, max: number | undefined): fc.Arbitrary<string> {
  const key = `${min}..${max}`;
  const cached = plainStrings.get(key);
  if (cached) return cached;
  const bounds = { minLength: min, ...(max === undefined ? {} : { maxLength: max }) };
  const arb = fc.oneof(
    { arbitrary: fc.string({ ...bounds, unit: 'grapheme-ascii' }), weight: 4 },
    { arbitrary: fc.string({ ...bounds, unit: 'grapheme-composite' }), weight: 1 },
  );
  plainStrings.set(key, arb);
  return arb;
}

export interface NumberBounds {
  readonly min: number | undefined;
  readonly minExcluded: boolean;
  readonly max: number | undefined;
  readonly maxExcluded: boolean;
}

/** The tightest bounds from `minimum`, `exclusiveMinimum`, `maximum` and `exclusiveMaximum` together. */
export function numberBounds(nodes: Conjunction): NumberBounds {
  const lows = [
    ...numbersOf(nodes, 'minimum').map((v) => ({ v, excluded: false })),
    ...numbersOf(nodes, 'exclusiveMinimum').map((v) => ({ v, excluded: true })),
  ].sort((a, b) => b.v - a.v || Number(b.excluded) - Number(a.excluded));
  const highs = [
    ...numbersOf(nodes, 'maximum').map((v) => ({ v, excluded: false })),
    ...numbersOf(nodes, 'exclusiveMaximum').map((v) => ({ v, excluded: true })),
  ].sort((a, b) => a.v - b.v || Number(b.excluded) - Number(a.excluded));
  return {
    min: lows[0]?.v,
    minExcluded: lows[0]?.excluded ?? false,
    max: highs[0]?.v,
    maxExcluded: highs[0]?.excluded ?? false,
  };
}

/** Integers, or (for `number`) integers and fractions, within the bounds. */
export function compileNumber(nodes: Conjunction, integerOnly: boolean, at: string): fc.Arbitrary<number> {
  const b = numberBounds(nodes);
  const intMin = b.min === undefined ? undefined : b.minExcluded ? Math.floor(b.min) + 1 : Math.ceil(b.min);
  const intMax = b.max === undefined ? undefined : b.maxExcluded ? Math.ceil(b.max) - 1 : Math.floor(b.max);
  // Unbounded sides stay in the 32-bit range real APIs use, unless a bound lies beyond it.
  const lo = intMin ?? Math.min(-0x80000000, intMax ?? 0);
  const hi = intMax ?? Math.max(0x7fffffff, intMin ?? 0);
  const integers =
    lo <= hi
      ? fc.integer({ min: Math.max(lo, Number.MIN_SAFE_INTEGER), max: Math.min(hi, Number.MAX_SAFE_INTEGER) })
      : undefined;
  if (integerOnly) {
    if (!integers) throw new UnsatisfiableSchemaError(`no integer within the bounds at ${at}`);
    return integers;
  }
  if (
    b.min !== undefined &&
    b.max !== undefined &&
    (b.min > b.max || (b.min === b.max && (b.minExcluded || b.maxExcluded)))
  )
    throw new UnsatisfiableSchemaError(`no number within the bounds at ${at}`);
  const doubles = fc.double({
    noNaN: true,
    noDefaultInfinity: true,
    ...(b.min === undefined ? {} : { min: b.min, minExcluded: b.minExcluded }),
    ...(b.max === undefined ? {} : { max: b.max, maxExcluded: b.maxExcluded }),
  });
  return integers ? fc.oneof({ arbitrary: integers, weight: 2 }, { arbitrary: doubles, weight: 1 }) : doubles;
}
