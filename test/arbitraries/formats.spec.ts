import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  badFormatValues,
  conformsToFormat,
  formatArbitrary,
  SUPPORTED_FORMATS,
} from '../../src/arbitraries/formats.js';
import { ajvCheck } from './support/ajv.js';

describe('formats, judged by ajv-formats through ajv', () => {
  it('supports the formats the schemas use', () => {
    expect([...SUPPORTED_FORMATS].sort()).toEqual(['date-time', 'email', 'uri', 'uri-reference', 'uuid']);
  });
  for (const format of SUPPORTED_FORMATS) {
    it(`${format}: every generated string is accepted, every listed bad one rejected`, () => {
      const check = ajvCheck({ type: 'string', format });
      for (const value of fc.sample(formatArbitrary(format, 'test'), { numRuns: 300, seed: 2 })) {
        expect(check(value), value).toBeNull();
        expect(conformsToFormat(format, value)).toBe(true);
      }
      for (const value of badFormatValues(format, 'test')) {
        expect(check(value), value).not.toBeNull();
        expect(conformsToFormat(format, value)).toBe(false);
      }
    });
  }
  it('uri values look like real redirect URIs: http(s), a host, a path', () => {
    const values = fc.sample(formatArbitrary('uri', 'test'), { numRuns: 100, seed: 4 });
    expect(values.every((v) => /^https?:\/\/[a-z0-9.-]+\/[^\s]*$/.test(v))).toBe(true);
  });
  it('an unsupported format is an error naming it and where it is', () => {
    expect(() => formatArbitrary('hostname', 'x.json#/properties/h')).toThrow(/"hostname" at x\.json#\/properties\/h/);
  });
});
