import { describe, expect, it } from 'vitest';
import { toCisResponse } from '../../src/client/cisResponse.js';
import type { TargetResponse } from '../../src/model/targetExchange.js';

const response = (status: number, json: unknown): TargetResponse => ({
  status,
  headers: {},
  text: JSON.stringify(json) ?? '',
  json,
});

describe('toCisResponse', () => {
  it('treats only 2xx as ok', () => {
    expect(toCisResponse(response(299, {})).ok).toBe(true);
    expect(toCisResponse(response(302, { result: 1 }))).toMatchObject({ ok: false, body: { result: 1 } });
    expect(toCisResponse(response(199, {})).ok).toBe(false);
  });

  it('unwraps an envelope whose result is null or an empty list', () => {
    expect(toCisResponse(response(200, { result: null }))).toMatchObject({ body: null, enveloped: true });
    expect(toCisResponse(response(200, { result: [] }))).toMatchObject({ body: [], enveloped: true });
  });

  it('does not mistake an array or a primitive for an envelope', () => {
    expect(toCisResponse(response(200, [{ result: 1 }]))).toMatchObject({ body: [{ result: 1 }], enveloped: false });
    expect(toCisResponse(response(200, 'result'))).toMatchObject({ body: 'result', enveloped: false });
  });
});
