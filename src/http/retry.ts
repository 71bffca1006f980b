/**
 * Retries for the live service, where a rate limit or a 5xx blip says nothing about conformance. Only what is safe
 * to send twice is sent twice:
 * - GET, PUT and DELETE (idempotent by RFC 9110 §9.2.2) after a 429, a 502/503/504 or a reset/refused connection;
 * - any method after a 429: RFC 6585 §4 says the server refused to process the request, so repeating it cannot
 *   create twice (a POST is never repeated after a 5xx or a broken connection, where the server may have acted).
 * A 500 is not retried (it is usually a deterministic answer to the input — a finding), nor is a time-out (a
 * second wait would only double the run time).
 */
import { isTargetError } from './errors.js';
import type { HttpMethod, HttpResponse, Send } from './types.js';

export const IDEMPOTENT_METHODS: ReadonlySet<HttpMethod> = new Set(['GET', 'PUT', 'DELETE']);
const RETRIED_STATUSES = new Set([502, 503, 504]);

export interface RetryOptions {
  /** Extra attempts after the first one. 0 disables retrying. */
  readonly retries: number;
  /** First back-off delay; doubles per attempt (with ±20 % jitter). Default 500 ms. */
  readonly baseDelayMs?: number;
  /** Upper bound of one back-off delay. Default 30 s. */
  readonly maxDelayMs?: number;
  /** A `Retry-After` longer than this is not waited for: the answer is returned as it is. Default 60 s. */
  readonly maxRetryAfterMs?: number;
  /** Injectable for tests. */
  readonly sleep?: (ms: number) => Promise<void>;
  readonly now?: () => number;
  readonly random?: () => number;
  /** Told about each retry (for logs); the reason names status or error, never a header value or body. */
  readonly onRetry?: (detail: { readonly attempt: number; readonly delayMs: number; readonly reason: string }) => void;
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * `Retry-After` in milliseconds from `nowMs`: delta-seconds or an HTTP date (RFC 9110 §10.2.3). Undefined when
 * absent or unreadable; a date in the past is 0.
 */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // Only a date-shaped value: Date.parse would also accept bare numbers such as "1.5" or "-3".
  if (!/[a-z]/i.test(text)) return undefined;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

export function withRetry(send: Send, options: RetryOptions): Send {
  if (options.retries <= 0) return send;
  const wait = options.sleep ?? sleep;
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const base = options.baseDelayMs ?? 500;
  const maxDelay = options.maxDelayMs ?? 30_000;
  const maxRetryAfter = options.maxRetryAfterMs ?? 60_000;
  const backoff = (attempt: number): number =>
    Math.min(maxDelay, Math.round(base * 2 ** attempt * (0.8 + 0.4 * random())));

  return async (request) => {
    const idempotent = IDEMPOTENT_METHODS.has(request.method);
    for (let attempt = 0; ; attempt++) {
      const last = attempt >= options.retries;
      let response: HttpResponse;
      try {
        response = await send(request);
      } catch (error) {
        const retriable = idempotent && isTargetError(error) && (error.kind === 'reset' || error.kind === 'refused');
        if (!retriable || last) throw error;
        const delayMs = backoff(attempt);
        options.onRetry?.({ attempt: attempt + 1, delayMs, reason: `${error.kind} on ${request.method}` });
        await wait(delayMs);
        continue;
      }
      if (last) return response;
      const retriable = response.status === 429 || (idempotent && RETRIED_STATUSES.has(response.status));
      if (!retriable) return response;
      // A 503 may carry Retry-After too (RFC 9110 §10.2.3); it is honoured the same way.
      const after = parseRetryAfter(response.headers['retry-after'], now());
      if (after !== undefined && after > maxRetryAfter) return response;
      const delayMs = after ?? backoff(attempt);
      options.onRetry?.({ attempt: attempt + 1, delayMs, reason: `${response.status} on ${request.method}` });
      await wait(delayMs);
    }
  };
}
