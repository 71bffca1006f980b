/**
 * What makes the stand-in behave like a shared, remote, rate-limited service: a request-rate limit answered with
 * 429 and `Retry-After`, occasional 503s (GET/PUT/DELETE only: a POST is not retried, by design), and added latency.
 * The 503s are drawn from a seeded generator, so one seed and one request order give the same 503s.
 */

export interface ServiceConditions {
  /** Requests per second the service accepts (a one-second window over all callers); 0 = no limit. */
  readonly rateLimitPerSecond: number;
  /** Share of GET/PUT/DELETE requests answered 503, from 0 (off) to 1. */
  readonly unavailableRate: number;
  /** Seed of the 503 draws. */
  readonly seed: number;
  /** Added before every answer, in milliseconds. */
  readonly latencyMs: number;
}

export const DEFAULT_CONDITIONS: ServiceConditions = {
  rateLimitPerSecond: 50,
  unavailableRate: 0.02,
  seed: 1,
  latencyMs: 20,
};

export type Disturbance =
  { readonly status: 429; readonly retryAfterSeconds: number } | { readonly status: 503 } | undefined;

const RETRIED_METHODS = new Set(['GET', 'PUT', 'DELETE']);

/** Decides, request by request, whether the service refuses it (429), fails it (503) or lets it through. */
export function createDisturbances(conditions: ServiceConditions, now: () => number = Date.now) {
  const random = mulberry32(conditions.seed);
  let windowStart = 0;
  let inWindow = 0;
  return (method: string): Disturbance => {
    const at = now();
    if (at - windowStart >= 1000) {
      windowStart = at;
      inWindow = 0;
    }
    if (conditions.rateLimitPerSecond > 0 && ++inWindow > conditions.rateLimitPerSecond) {
      return { status: 429, retryAfterSeconds: 1 };
    }
    if (conditions.unavailableRate > 0 && RETRIED_METHODS.has(method.toUpperCase())) {
      if (random() < conditions.unavailableRate) return { status: 503 };
    }
    return undefined;
  };
}

/** A small seeded generator of numbers in [0, 1). */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
