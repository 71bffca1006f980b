import { describe, expect, it } from 'vitest';
import { requestsOf, type RecordedExchange } from '../../src/model/checkRecord.js';

const exchange = { request: { method: 'GET', url: 'http://t/', headers: {} }, durationMs: 1 } as RecordedExchange;

describe('requestsOf', () => {
  it('counts the kept exchanges and those the record left out', () => {
    expect(requestsOf({ exchanges: [exchange, exchange] })).toBe(2);
    expect(requestsOf({ exchanges: [exchange, exchange], exchangesOmitted: 40 })).toBe(42);
  });
});
