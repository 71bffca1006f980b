/**
 * Envelope and content-type helpers shared by the Clients and Consents suites.
 *
 * The `{"result": ...}` envelope is documented for Consents and only inferred for Clients (docs/decisions.md #1):
 * checks validate the inner body whether or not it came wrapped, and judge the envelope itself under its own rule.
 */
import type { TargetResponse } from '../../src/suite/index.js';

/** True when the JSON body is an object with its own `result` field (no client or consent object has one). */
export function isEnveloped(res: TargetResponse): boolean {
  const json = res.json;
  return typeof json === 'object' && json !== null && !Array.isArray(json) && Object.hasOwn(json, 'result');
}

/** The response with `json` replaced by the inner body when it was wrapped as `{"result": ...}`; else unchanged. */
export function unwrapResult(res: TargetResponse): TargetResponse {
  return isEnveloped(res) ? { ...res, json: (res.json as { result: unknown }).result } : res;
}

/** The inner body of a response (unwrapped from `result` when wrapped). */
export function resultOf(res: TargetResponse): unknown {
  return unwrapResult(res).json;
}

/** The inner body when it is a JSON object, else undefined. */
export function resultObject(res: TargetResponse): Record<string, unknown> | undefined {
  const body = resultOf(res);
  return typeof body === 'object' && body !== null && !Array.isArray(body)
    ? (body as Record<string, unknown>)
    : undefined;
}

/** The inner body's objects when it is a JSON array, else undefined. */
export function resultList(res: TargetResponse): Record<string, unknown>[] | undefined {
  const body = resultOf(res);
  if (!Array.isArray(body)) return undefined;
  return body.filter(
    (item): item is Record<string, unknown> => typeof item === 'object' && item !== null && !Array.isArray(item),
  );
}

/** `application/json`, with or without parameters such as `; charset=utf-8`. */
export function hasJsonContentType(res: TargetResponse): boolean {
  return /^application\/json\s*(;|$)/i.test(res.headers['content-type'] ?? '');
}

/** How a response's content type reads in a finding. */
export function describeContentType(res: TargetResponse): string {
  const type = res.headers['content-type'];
  return type === undefined ? 'no content-type header' : `content-type ${type}`;
}

/** How a body reads in a finding: short, so that a report line stays readable. */
export function describeBody(value: unknown, max = 160): string {
  const text = value === undefined ? 'nothing' : JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
