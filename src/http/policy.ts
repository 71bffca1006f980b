/**
 * The one place the transport wrappers are composed: retry (outermost: each attempt is a request of its own) →
 * request gate (budget, then rate) → the HTTP client. Every sender of a run — checks, the live token endpoint, the
 * clean-up — builds its client here, so no request escapes the budget or the rate.
 */
import { createHttpClient, type HttpClient } from './client.js';
import { createMemoryGate, withRequestGate, type GateLimits, type RequestGate } from './requestGate.js';
import { withRetry, type RetryOptions } from './retry.js';
import { createFileGate } from './sharedGate.js';
import type { Send } from './types.js';
import type { TransportPolicy } from '../model/runConfig.js';

export interface PolicyOptions {
  /** Budget-exempt (clean-up). */
  readonly exempt?: boolean;
  /** Test hooks and retry logging. */
  readonly retry?: Omit<RetryOptions, 'retries'>;
  readonly gate?: RequestGate;
  readonly sleep?: (ms: number) => Promise<void>;
}

const memoryGates = new Map<string, RequestGate>();

/** The policy's gate: the shared file when there is one, else one in-memory gate per process and limits. */
export function gateFor(policy: TransportPolicy): RequestGate | undefined {
  const limits: GateLimits = {
    ...(policy.ratePerSecond !== undefined ? { ratePerSecond: policy.ratePerSecond } : {}),
    ...(policy.maxRequests !== undefined ? { maxRequests: policy.maxRequests } : {}),
  };
  if (limits.ratePerSecond === undefined && limits.maxRequests === undefined) return undefined;
  if (policy.gateFile) return createFileGate(policy.gateFile, limits);
  const key = JSON.stringify(limits);
  let gate = memoryGates.get(key);
  if (!gate) memoryGates.set(key, (gate = createMemoryGate(limits)));
  return gate;
}

export function applyTransportPolicy(
  send: Send,
  policy: TransportPolicy | undefined,
  options: PolicyOptions = {},
): Send {
  if (!policy) return send;
  let out = send;
  const gate = options.gate ?? gateFor(policy);
  if (gate) {
    out = withRequestGate(out, gate, {
      ...(options.exempt ? { exempt: true } : {}),
      ...(options.sleep ? { sleep: options.sleep } : {}),
    });
  }
  const retries = policy.retries ?? 0;
  if (retries > 0) {
    out = withRetry(out, {
      retries,
      ...(policy.retryDelayMs !== undefined ? { baseDelayMs: policy.retryDelayMs } : {}),
      ...(options.sleep ? { sleep: options.sleep } : {}),
      ...options.retry,
    });
  }
  return out;
}

/** An HTTP client whose `send` obeys `policy`. */
export function createPolicyClient(
  policy: TransportPolicy | undefined,
  timeoutMs: number,
  options: PolicyOptions = {},
): HttpClient {
  const client = createHttpClient({ timeoutMs, ...(policy?.dispatcher ? { dispatcher: policy.dispatcher } : {}) });
  return { send: applyTransportPolicy(client.send, policy, options), close: () => client.close() };
}
