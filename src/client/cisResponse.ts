import type { TargetResponse } from '../model/targetExchange.js';
import type { CisErrorBody } from '../model/cisBodies.js';

/** A 2xx answer: `body` is the JSON with any `result` envelope removed, typed as documented but not validated. */
export interface CisSuccess<T> {
  readonly ok: true;
  readonly status: number;
  readonly body: T;
  /** True when the target wrapped the body as `{"result": ...}` (docs/design.md §1: enveloped and bare both accepted). */
  readonly enveloped: boolean;
  readonly response: TargetResponse;
}

/** Any other answer: `body` is the parsed JSON as sent (an error body on a conforming target), or undefined. */
export interface CisFailure {
  readonly ok: false;
  readonly status: number;
  readonly body: CisErrorBody | undefined;
  readonly enveloped: false;
  readonly response: TargetResponse;
}

export type CisResponse<T> = CisSuccess<T> | CisFailure;

function isEnvelope(json: unknown): json is { result: unknown } {
  return typeof json === 'object' && json !== null && !Array.isArray(json) && Object.hasOwn(json, 'result');
}

/**
 * Wraps a transport response. Only 2xx bodies are unwrapped: no documented error body has a `result` field, and
 * no client or consent object has one either, so its presence on a 2xx object always means the envelope.
 */
export function toCisResponse<T>(response: TargetResponse): CisResponse<T> {
  const { status, json } = response;
  if (status < 200 || status > 299) {
    return { ok: false, status, body: json as CisErrorBody | undefined, enveloped: false, response };
  }
  if (isEnvelope(json)) return { ok: true, status, body: json.result as T, enveloped: true, response };
  return { ok: true, status, body: json as T, enveloped: false, response };
}
