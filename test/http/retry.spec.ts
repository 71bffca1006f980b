import { describe, expect, it } from 'vitest';
import { TargetError } from '../../src/http/errors.js';
import { parseRetryAfter, withRetry } from '../../src/http/retry.js';
import type { HttpMethod, HttpResponse, Send } from '../../src/http/types.js';

const NOW = Date.parse('2026-03-01T12:00:00Z');
const answer = (status: number, headers: Record<string, string> = {}): HttpResponse => ({
  status,
  headers,
  text: '',
  json: undefined,
});

/** A send that plays `script` in order (a number is a status, an Error is thrown) and counts the attempts. */
function scripted(script: Array<HttpResponse | Error>): Send & { attempts: number } {
  const send: Send & { attempts: number } = Object.assign(
    async (): Promise<HttpResponse> => {
      const next = script[Math.min(send.attempts++, script.length - 1)] as HttpResponse | Error;
      if (next instanceof Error) throw next;
      return next;
    },
    { attempts: 0 },
  );
  return send;
}

function retrying(send: Send, retries = 3) {
  const waits: number[] = [];
  const wrapped = withRetry(send, {
    retries,
    baseDelayMs: 100,
    now: () => NOW,
    random: () => 0.5,
    sleep: async (ms) => void waits.push(ms),
  });
  return { waits, call: (method: HttpMethod) => wrapped({ method, url: 'https://h/v1/clients', headers: {} }) };
}

describe('parseRetryAfter', () => {
  it('reads delta-seconds and HTTP dates, and nothing else', () => {
    expect(parseRetryAfter('3', NOW)).toBe(3000);
    expect(parseRetryAfter(' 0 ', NOW)).toBe(0);
    expect(parseRetryAfter('Sun, 01 Mar 2026 12:00:05 GMT', NOW)).toBe(5000);
    expect(parseRetryAfter('Sun, 01 Mar 2026 11:00:00 GMT', NOW)).toBe(0);
    for (const bad of [undefined, '', '1.5', '-3', 'soon']) expect(parseRetryAfter(bad, NOW)).toBeUndefined();
  });
});

describe('withRetry', () => {
  it('honours 429 Retry-After (seconds or date) and returns the answer that finally came', async () => {
    const send = scripted([
      answer(429, { 'retry-after': '2' }),
      answer(429, { 'retry-after': 'Sun, 01 Mar 2026 12:00:01 GMT' }),
      answer(200),
    ]);
    const { waits, call } = retrying(send);
    expect((await call('GET')).status).toBe(200);
    expect(waits).toEqual([2000, 1000]);
  });

  it('retries a 429 on POST too (the server refused to process it), but never a POST 5xx or reset', async () => {
    expect((await retrying(scripted([answer(429, { 'retry-after': '1' }), answer(201)])).call('POST')).status).toBe(
      201,
    );
    const blip = scripted([answer(503), answer(201)]);
    expect((await retrying(blip).call('POST')).status).toBe(503);
    expect(blip.attempts).toBe(1);
    const reset = scripted([new TargetError('reset', 'reset'), answer(201)]);
    await expect(retrying(reset).call('POST')).rejects.toThrow('reset');
    expect(reset.attempts).toBe(1);
  });

  it('retries 502/503/504 and broken connections on GET, PUT and DELETE with doubling back-off', async () => {
    for (const method of ['GET', 'PUT', 'DELETE'] as const) {
      const send = scripted([answer(502), answer(503), new TargetError('reset', 'x'), answer(204)]);
      const { waits, call } = retrying(send);
      expect((await call(method)).status).toBe(204);
      expect(waits).toEqual([100, 200, 400]);
    }
  });

  it('does not retry a 500, a time-out or a 4xx', async () => {
    for (const outcome of [answer(500), answer(404), new TargetError('timeout', 'slow')]) {
      const send = scripted([outcome, answer(200)]);
      await retrying(send)
        .call('GET')
        .catch(() => undefined);
      expect(send.attempts).toBe(1);
    }
  });

  it('gives up after the retries and returns the last answer; a Retry-After over the limit is not waited for', async () => {
    const always = scripted([answer(503)]);
    const { waits, call } = retrying(always, 2);
    expect((await call('GET')).status).toBe(503);
    expect(always.attempts).toBe(3);
    expect(waits).toHaveLength(2);
    const long = scripted([answer(429, { 'retry-after': '3600' }), answer(200)]);
    expect((await retrying(long).call('GET')).status).toBe(429);
    expect(long.attempts).toBe(1);
  });

  it('is the plain send with no retries', () => {
    const send = scripted([answer(200)]);
    expect(withRetry(send, { retries: 0 })).toBe(send);
  });
});
