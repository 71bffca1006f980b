/**
 * The request budget (`--max-requests`) and the rate limit (`--rate`), as one gate every request passes before it is
 * sent. One gate holds both because both need the same atomic step — count this request, reserve its send time —
 * and a run's gate must be shared by every vitest worker process (see sharedGate.ts); this module holds the rule
 * and the in-process gate.
 */
import { TargetError } from './errors.js';
import { sleep } from './retry.js';
import type { Send } from './types.js';

export interface GateLimits {
  /** Requests per second over the whole run; absent = unlimited. */
  readonly ratePerSecond?: number;
  /** Requests over the whole run; absent = unlimited. */
  readonly maxRequests?: number;
}

/** What the gate remembers: requests admitted so far and the earliest time the next one may go. */
export interface GateState {
  readonly count: number;
  readonly nextSlotMs: number;
}

export interface Admission {
  /** How long to wait before sending (the rate limit). */
  readonly waitMs: number;
  /** This request's number in the run, from 1. */
  readonly count: number;
}

export interface AdmitOptions {
  /** Counted but never refused: clean-up must still delete what the run created after the budget is spent. */
  readonly exempt?: boolean;
}

export interface RequestGate {
  readonly limits: GateLimits;
  /** Counts one request and reserves its slot; rejects with TargetError `budget` when the budget is spent. */
  admit(options?: AdmitOptions): Promise<Admission>;
}

export const INITIAL_GATE_STATE: GateState = { count: 0, nextSlotMs: 0 };

/**
 * The rule, pure: slots are `1000 / rate` ms apart and never in the past, so after an idle spell the next request
 * goes at once but no burst follows it. Returns null when the budget refuses the request.
 */
export function admitRequest(
  state: GateState,
  limits: GateLimits,
  nowMs: number,
  exempt = false,
): { readonly state: GateState; readonly admission: Admission } | null {
  if (!exempt && limits.maxRequests !== undefined && state.count >= limits.maxRequests) return null;
  const interval = limits.ratePerSecond ? 1000 / limits.ratePerSecond : 0;
  const slot = Math.max(nowMs, state.nextSlotMs);
  const count = state.count + 1;
  return { state: { count, nextSlotMs: slot + interval }, admission: { waitMs: slot - nowMs, count } };
}

export function budgetExhausted(limits: GateLimits, what: string): TargetError {
  return new TargetError(
    'budget',
    `${what}: request budget exhausted (--max-requests ${limits.maxRequests}); the request was not sent`,
  );
}

/** A gate for one process (tests, and runs whose checks all share one process). */
export function createMemoryGate(limits: GateLimits, now: () => number = Date.now): RequestGate {
  let state = INITIAL_GATE_STATE;
  return {
    limits,
    async admit(options = {}) {
      const next = admitRequest(state, limits, now(), options.exempt);
      if (!next) throw budgetExhausted(limits, 'request');
      state = next.state;
      return next.admission;
    },
  };
}

export interface GatedSendOptions extends AdmitOptions {
  readonly sleep?: (ms: number) => Promise<void>;
}

/** Every request waits for its slot; over budget it rejects without being sent. */
export function withRequestGate(send: Send, gate: RequestGate, options: GatedSendOptions = {}): Send {
  const wait = options.sleep ?? sleep;
  return async (request) => {
    let admission: Admission;
    try {
      admission = await gate.admit(options.exempt ? { exempt: true } : {});
    } catch (error) {
      if (error instanceof TargetError && error.kind === 'budget') {
        throw budgetExhausted(gate.limits, `${request.method} ${new URL(request.url).pathname}`);
      }
      throw error;
    }
    if (admission.waitMs > 0) await wait(admission.waitMs);
    return send(request);
  };
}
