import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InvalidCase } from '../../../src/arbitraries/types.js';
import { ajvCheck } from './ajv.js';
import {
  assertInvalidValuesFailAsLabelled,
  assertSameSeedSameValues,
  assertShrinksKeepLabel,
  assertShrinksStayValid,
  assertValidValuesPass,
  errorsMatchLabel,
} from './schemaLaws.js';

// The law kit must catch broken arbitraries, or the laws it runs over schemas/ prove nothing.
const schema = { type: 'object', required: ['n'], properties: { n: { type: 'integer', minimum: 0 } } };
const check = ajvCheck(schema);

describe('the law kit catches broken arbitraries', () => {
  it('(a) an arbitrary that differs between builds', () => {
    const steady = () => fc.integer();
    expect(() => assertSameSeedSameValues(steady, steady)).not.toThrow();
    let salt = 0;
    const salted = () => {
      const s = salt++;
      return fc.integer().map((n) => n + s);
    };
    expect(() => assertSameSeedSameValues(salted, salted)).toThrow(/seed/);
  });
  it('(b) a valid-data arbitrary that yields an invalid value', () => {
    expect(() => assertValidValuesPass(fc.record({ n: fc.nat() }), check)).not.toThrow();
    expect(() => assertValidValuesPass(fc.record({ n: fc.integer({ min: -5, max: 5 }) }), check)).toThrow(
      /ajv rejects/,
    );
  });
  it('(c) an invalid value ajv accepts, or one whose label ajv does not report', () => {
    const good = fc.constant<InvalidCase>({
      value: { n: -1 },
      label: { kind: 'below-minimum', path: '/n', keyword: 'minimum' },
    });
    expect(() => assertInvalidValuesFailAsLabelled(good, check)).not.toThrow();
    const accepted = fc.constant<InvalidCase>({
      value: { n: 1 },
      label: { kind: 'below-minimum', path: '/n', keyword: 'minimum' },
    });
    expect(() => assertInvalidValuesFailAsLabelled(accepted, check)).toThrow(/accepts/);
    const mislabelled = fc.constant<InvalidCase>({
      value: { n: -1 },
      label: { kind: 'wrong-type', path: '/n', keyword: 'type' },
    });
    expect(() => assertInvalidValuesFailAsLabelled(mislabelled, check)).toThrow(/do not include/);
  });
  it('(d) shrinking that leaves the valid values', () => {
    expect(assertShrinksStayValid(fc.record({ n: fc.integer({ min: 3, max: 1000 }) }), check, 3)).toBeGreaterThan(0);
    // Valid when generated (≥ 0 after the map) but shrinks towards -7.
    const leaky = fc.integer({ min: 0, max: 1000 }).map((n) => ({ n: n === 0 ? -7 : n }));
    expect(() =>
      assertShrinksStayValid(
        fc.integer({ min: 1, max: 1000 }).chain(() => leaky),
        check,
        3,
      ),
    ).toThrow(/shrinking/);
  });
  it('(d) shrinking that changes the label', () => {
    const drifting = fc.integer({ min: 1, max: 100 }).map((k): InvalidCase => ({
      value: { n: -k },
      label: { kind: 'below-minimum', path: k > 1 ? '/n' : '/m', keyword: 'minimum' },
    }));
    expect(() => assertShrinksKeepLabel(drifting, check, 3)).toThrow(/changed the label/);
  });
  it('matches required and additionalProperties errors by the member they name', () => {
    const missing = ajvCheck(schema)({})!;
    expect(errorsMatchLabel(missing, { kind: 'missing-required', path: '/n', keyword: 'required' })).toBe(true);
    expect(errorsMatchLabel(missing, { kind: 'missing-required', path: '', keyword: 'required' })).toBe(false);
    const extra = ajvCheck({ ...schema, additionalProperties: false })({ n: 1, 'a/b': 2 })!;
    expect(errorsMatchLabel(extra, { kind: 'forbidden-extra', path: '/a~1b', keyword: 'additionalProperties' })).toBe(
      true,
    );
  });
});
