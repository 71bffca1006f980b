import { describe, expect, it } from 'vitest';
import { curlFor } from '../../src/http/index.js';
import type { RecordedExchange } from '../../src/model/checkRecord.js';
import { boundCurl, boundExchanges, type ExchangeBudget } from '../../src/suite/exchangeBudget.js';
import { ExchangeCollector } from '../../src/suite/exchangeCollector.js';

const exchange = (n: number, requestBody?: unknown, responseBody?: unknown): RecordedExchange => ({
  request: {
    method: 'POST',
    url: `http://t/${n}`,
    headers: { 'content-type': 'application/json' },
    ...(requestBody !== undefined ? { body: requestBody } : {}),
  },
  response: { status: 200, headers: {}, ...(responseBody !== undefined ? { body: responseBody } : {}) },
  durationMs: 1,
});

const collect = (all: readonly RecordedExchange[], budget?: ExchangeBudget): ExchangeCollector => {
  const collector = new ExchangeCollector(budget);
  for (const e of all) collector.add(e);
  return collector;
};

describe('ExchangeCollector', () => {
  it('keeps every exchange of a short check, in order, with nothing omitted', () => {
    const all = [exchange(1, { a: 1 }, { b: 2 }), exchange(2)];
    const collector = collect(all);
    expect(collector.result()).toEqual({ exchanges: all, omitted: 0 });
    expect(collector.total).toBe(2);
  });

  it('keeps the first ones and the last ones of a long check, in order, and counts the rest', () => {
    const all = Array.from({ length: 100 }, (_, i) => exchange(i));
    const { exchanges, omitted } = collect(all, { head: 2, tail: 3, maxBodyChars: 100 }).result();
    expect(exchanges.map((e) => e.request.url)).toEqual([
      'http://t/0',
      'http://t/1',
      'http://t/97',
      'http://t/98',
      'http://t/99',
    ]);
    expect(omitted).toBe(95);
  });

  it('gives what boundExchanges gives for the whole list, for every length around the budget', () => {
    const budget = { head: 3, tail: 4, maxBodyChars: 12 };
    for (let length = 0; length <= 20; length++) {
      const all = Array.from({ length }, (_, i) => exchange(i, { n: i, pad: 'p'.repeat(i) }, 'r'.repeat(i * 2)));
      expect(collect(all, budget).result(), `${length} exchanges`).toEqual(boundExchanges(all, budget));
    }
  });

  it('cuts the bodies of kept exchanges as they arrive, saying how long they were', () => {
    const { exchanges } = collect([exchange(1, 'x'.repeat(50), { big: 'y'.repeat(50) })], {
      head: 5,
      tail: 5,
      maxBodyChars: 10,
    }).result();
    expect(exchanges[0]?.request.body).toBe('xxxxxxxxxx… [cut: 50 characters in all]');
    expect(exchanges[0]?.response?.body).toBe('{"big":"yy… [cut: 60 characters in all]');
  });

  it('keeps the last request whole, so the curl line is the one the whole list gave', () => {
    const budget = { head: 1, tail: 1, maxBodyChars: 10 };
    const all = [exchange(1, { first: true }), exchange(2, { name: 'z'.repeat(300) })];
    const collector = collect(all, budget);
    expect(collector.lastRequest).toEqual(all[1]?.request);
    expect(boundCurl(curlFor(collector.lastRequest!))).toBe(boundCurl(curlFor(all.at(-1)!.request)));
    expect(curlFor(collector.lastRequest!)).toContain('z'.repeat(300));
    // The kept copy of that same exchange has its body cut.
    expect(collector.result().exchanges[1]?.request.body).toMatch(/^\{"name":"z… \[cut: 311 characters in all\]$/);
  });

  it('has no last request before the first exchange', () => {
    const collector = new ExchangeCollector();
    expect(collector.lastRequest).toBeUndefined();
    expect(collector.result()).toEqual({ exchanges: [], omitted: 0 });
  });
});
