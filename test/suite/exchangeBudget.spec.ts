import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RecordedExchange } from '../../src/model/checkRecord.js';
import { boundCurl, boundExchanges, jsonExcerpt } from '../../src/suite/exchangeBudget.js';

const exchange = (n: number, body?: unknown): RecordedExchange => ({
  request: { method: 'GET', url: `http://t/${n}`, headers: {} },
  response: { status: 200, headers: {}, ...(body !== undefined ? { body } : {}) },
  durationMs: 1,
});

describe('boundExchanges', () => {
  it('keeps every exchange of a short check as it was', () => {
    const all = [exchange(1, { a: 1 }), exchange(2)];
    expect(boundExchanges(all)).toEqual({ exchanges: all, omitted: 0 });
  });

  it('keeps the first and the last exchanges of a long check and counts the rest', () => {
    const all = Array.from({ length: 100 }, (_, i) => exchange(i));
    const { exchanges, omitted } = boundExchanges(all, { head: 2, tail: 3, maxBodyChars: 100 });
    expect(exchanges.map((e) => e.request.url)).toEqual([
      'http://t/0',
      'http://t/1',
      'http://t/97',
      'http://t/98',
      'http://t/99',
    ]);
    expect(omitted).toBe(95);
  });

  it('cuts a curl line beyond the limit and leaves a short one alone', () => {
    expect(boundCurl('curl -sS http://t/', 100)).toBe('curl -sS http://t/');
    expect(boundCurl(`curl --data '${'z'.repeat(200)}'`, 20)).toBe(
      "curl --data 'zzzzzzz… [cut: a 214-character command]",
    );
  });

  it('cuts a body beyond the limit and says how long it was', () => {
    const { exchanges } = boundExchanges([exchange(1, 'x'.repeat(50)), exchange(2, { big: 'y'.repeat(50) })], {
      head: 5,
      tail: 5,
      maxBodyChars: 10,
    });
    expect(exchanges[0]?.response?.body).toBe('xxxxxxxxxx… [cut: 50 characters in all]');
    expect(exchanges[1]?.response?.body).toMatch(/^\{"big":"yy… \[cut: 60 characters in all\]$/);
  });
});

describe('jsonExcerpt', () => {
  it('starts like JSON.stringify and counts its whole length, long strings, escapes and surrogates included', () => {
    const long = fc.string({ unit: 'binary', minLength: 0, maxLength: 60 });
    const json = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        long,
        fc.constantFrom('x'.repeat(40), 'a"b\\c\n'.repeat(8), '\ud83d\ude00'.repeat(15), `${'y'.repeat(19)}\ud83d`),
        fc.integer(),
        fc.double({ noNaN: true }),
        fc.boolean(),
        fc.constant(null),
        fc.array(tie('value'), { maxLength: 4 }),
        fc.dictionary(fc.string({ maxLength: 5 }), tie('value'), { maxKeys: 4 }),
      ),
    })).value;
    fc.assert(
      fc.property(json, fc.integer({ min: 1, max: 30 }), (value, max) => {
        const whole = JSON.stringify(value);
        const excerpt = jsonExcerpt(value, max);
        expect(excerpt?.length).toBe(whole.length);
        expect(excerpt?.text.slice(0, max)).toBe(whole.slice(0, max));
      }),
      { seed: 14, numRuns: 200 },
    );
  });

  it('does not write out a long string to cut it', () => {
    const excerpt = jsonExcerpt({ padding: 'x'.repeat(100_000), message: 'm' }, 10);
    expect(excerpt?.length).toBe(JSON.stringify({ padding: 'x'.repeat(100_000), message: 'm' }).length);
    expect(excerpt?.text.length).toBeLessThan(100);
  });
});
