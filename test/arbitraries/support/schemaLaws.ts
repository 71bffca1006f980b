/**
 * The law kit for schema-derived arbitraries (after fast-check's ArbitraryAssertions): each law is a plain
 * function that throws with a counterexample, and `describeSchemaLaws` registers one test per law.
 */
import type { ErrorObject } from 'ajv';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { canonicalJson } from '../../../src/arbitraries/json.js';
import type { InvalidCase, MutationLabel } from '../../../src/arbitraries/types.js';

/** ajv's verdict on a value: `null` when valid, else its errors (ajv built with `allErrors`). */
export type AjvCheck = (value: unknown) => ErrorObject[] | null;

export interface LawOptions {
  /** Values per law (per seed for shrinking). Default 60. */
  readonly numRuns?: number;
  /** Seeds whose shrink paths are walked. Default 8. */
  readonly shrinkSeeds?: number;
  /** Shrink candidates checked per seed at most (fc.limitShrink). Default 100. */
  readonly shrinkBudget?: number;
}

const show = (value: unknown) => JSON.stringify(value)?.slice(0, 600);

/** (a) Two builds of the arbitrary, sampled with one seed, give the same values. */
export function assertSameSeedSameValues(
  first: () => fc.Arbitrary<unknown>,
  second: () => fc.Arbitrary<unknown>,
  numRuns = 60,
): void {
  const [a, b] = [first(), second()];
  if (a === b) throw new Error('both builds returned the same arbitrary object: nothing is compared');
  for (const seed of [1, 20240611]) {
    const x = fc.sample(a, { seed, numRuns }).map(canonicalJson);
    const y = fc.sample(b, { seed, numRuns }).map(canonicalJson);
    const at = x.findIndex((value, i) => value !== y[i]);
    if (at !== -1) throw new Error(`seed ${seed}, value ${at}: ${x[at]?.slice(0, 300)} then ${y[at]?.slice(0, 300)}`);
  }
}

/** fc.assert, but the error leads with the law's own message (shrunk), then the seed and path to replay. */
function assertProperty<T>(arb: fc.Arbitrary<T>, law: (value: T) => void, numRuns: number, seed: number): void {
  const out = fc.check(fc.property(arb, law), { numRuns, seed });
  if (out.failed)
    throw new Error(
      `${(out.errorInstance as Error | undefined)?.message} (seed ${out.seed}, path "${out.counterexamplePath}")`,
    );
}

/** (b) Every generated value passes ajv. */
export function assertValidValuesPass(arb: fc.Arbitrary<unknown>, check: AjvCheck, numRuns = 60): void {
  assertProperty(
    arb,
    (value) => {
      const errors = check(value);
      if (errors) throw new Error(`ajv rejects ${show(value)}: ${show(errors)}`);
    },
    numRuns,
    7,
  );
}

/** Whether one of ajv's errors is the labelled rule at the labelled place. */
export function errorsMatchLabel(errors: readonly ErrorObject[], label: MutationLabel): boolean {
  return errors.some((e) => {
    if (e.keyword !== label.keyword) return false;
    const member =
      e.keyword === 'required'
        ? e.params.missingProperty
        : e.keyword === 'additionalProperties'
          ? e.params.additionalProperty
          : undefined;
    const path =
      member === undefined
        ? e.instancePath
        : `${e.instancePath}/${String(member).replace(/~/g, '~0').replace(/\//g, '~1')}`;
    return path === label.path;
  });
}

function assertInvalidCase(c: InvalidCase, check: AjvCheck): void {
  const errors = check(c.value);
  if (!errors) throw new Error(`ajv accepts the "invalid" ${show(c.value)} labelled ${show(c.label)}`);
  if (!errorsMatchLabel(errors, c.label))
    throw new Error(`ajv's errors for ${show(c.value)} do not include ${show(c.label)}: ${show(errors)}`);
}

/** (c) Every invalid value fails ajv, and ajv reports the labelled keyword at the labelled path. */
export function assertInvalidValuesFailAsLabelled(arb: fc.Arbitrary<InvalidCase>, check: AjvCheck, numRuns = 60): void {
  assertProperty(arb, (c) => assertInvalidCase(c, check), numRuns, 11);
}

/**
 * Runs a property that fails on purpose (on the first value, then on about half the candidates, picked by a
 * hash so the run is repeatable), so fast-check shrinks and tries many candidates; returns every value tried.
 */
export function shrinkCandidates<T>(arb: fc.Arbitrary<T>, seed: number, budget = 100): T[] {
  const tried: T[] = [];
  fc.check(
    fc.property(fc.limitShrink(arb, budget), (value) => {
      tried.push(value);
      if (tried.length === 1) return false;
      return hash(canonicalJson(value)) % 2 === 0;
    }),
    { seed, numRuns: 1, endOnFailure: false },
  );
  return tried;
}

function hash(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) | 0;
  return Math.abs(h);
}

/**
 * Walks the shrink paths of `seeds` seeds, and of more seeds (up to four times as many) while none of them
 * shrank at all (a small schema's first values are often minimal already). Returns how many shrunk
 * candidates were checked, so a caller can insist the law was not vacuous.
 */
function forShrunkCandidates<T>(
  arb: fc.Arbitrary<T>,
  seeds: number,
  budget: number,
  visit: (first: T, candidate: T, seed: number) => void,
): number {
  let shrunk = 0;
  for (let i = 1; i <= seeds * 4 && (i <= seeds || shrunk === 0); i++) {
    const seed = i * 97;
    const [first, ...rest] = shrinkCandidates(arb, seed, budget);
    visit(first!, first!, seed);
    for (const candidate of rest) visit(first!, candidate, seed);
    shrunk += rest.length;
  }
  return shrunk;
}

/** (d) Every candidate shrinking tries is still valid. Returns how many shrunk candidates were checked. */
export function assertShrinksStayValid(arb: fc.Arbitrary<unknown>, check: AjvCheck, seeds = 8, budget = 100): number {
  return forShrunkCandidates(arb, seeds, budget, (_, value, seed) => {
    const errors = check(value);
    if (errors) throw new Error(`shrinking (seed ${seed}) produced the invalid ${show(value)}: ${show(errors)}`);
  });
}

/** (d) Every candidate shrinking tries keeps its label and still fails ajv for that reason. */
export function assertShrinksKeepLabel(
  arb: fc.Arbitrary<InvalidCase>,
  check: AjvCheck,
  seeds = 8,
  budget = 100,
): number {
  return forShrunkCandidates(arb, seeds, budget, (first, c, seed) => {
    if (canonicalJson(c.label) !== canonicalJson(first.label))
      throw new Error(`shrinking (seed ${seed}) changed the label ${show(first.label)} into ${show(c.label)}`);
    assertInvalidCase(c, check);
  });
}

/** Which build: law (a) compares the first with an independent second; the other laws use the first. */
export type Build = 'first' | 'second';

export interface SchemaLawSubject {
  /** Builds the valid-data arbitrary. The two builds must not share state. */
  readonly valid: (build: Build) => fc.Arbitrary<unknown>;
  /** Builds the invalid-data arbitrary, if the schema forbids anything. */
  readonly invalid?: (build: Build) => fc.Arbitrary<InvalidCase>;
  readonly check: AjvCheck;
}

/** `build()` once, on first use (inside a test, so a build error fails that test and not the whole file). */
function once<T>(build: () => T): () => T {
  let built: { value: T } | undefined;
  return () => (built ??= { value: build() }).value;
}

/** Registers the laws for one schema, one vitest test per law, named `<name>: <law>`. */
export function describeSchemaLaws(name: string, subject: SchemaLawSubject, options: LawOptions = {}): void {
  const numRuns = options.numRuns ?? 60;
  const seeds = options.shrinkSeeds ?? 8;
  const budget = options.shrinkBudget ?? 100;
  const valid = once(() => subject.valid('first'));
  const buildInvalid = subject.invalid;
  const invalid = buildInvalid && once(() => buildInvalid('first'));
  const sameSeedRuns = Math.min(numRuns, 25);
  it(`${name}: the same seed gives the same values`, () => {
    assertSameSeedSameValues(valid, () => subject.valid('second'), sameSeedRuns);
    if (invalid) assertSameSeedSameValues(invalid, () => buildInvalid('second'), sameSeedRuns);
  });
  it(`${name}: every valid value passes ajv`, () => assertValidValuesPass(valid(), subject.check, numRuns));
  it(`${name}: shrinking keeps valid values valid`, () =>
    expect(assertShrinksStayValid(valid(), subject.check, seeds, budget)).toBeGreaterThan(0));
  if (!invalid) return;
  it(`${name}: every invalid value fails ajv for its labelled reason`, () =>
    assertInvalidValuesFailAsLabelled(invalid(), subject.check, numRuns));
  it(`${name}: shrinking keeps the label of invalid values`, () =>
    expect(assertShrinksKeepLabel(invalid(), subject.check, seeds, budget)).toBeGreaterThan(0));
}
