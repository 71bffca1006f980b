/**
 * Judging single Consents answers: content types, the absence of client_name, what a successful delete answered,
 * the unit of the timestamps, and the bodies of auth errors (observations).
 */
import type { CheckContext, CheckCredential, TargetResponse } from '../../src/suite/index.js';

const SNIPPET = 160;

function snippet(text: string): string {
  return text.length > SNIPPET ? `${text.slice(0, SNIPPET)}…` : text;
}

/** A JSON body is declared as such: `application/json`, with or without parameters such as charset. */
export function expectJsonContentType(c: CheckContext, res: TargetResponse, requirement: string): void {
  const type = res.headers['content-type'] ?? '';
  c.expect.that(/^application\/json\s*(;|$)/i.test(type), {
    expected: 'content-type application/json',
    observed: type === '' ? 'no content-type header' : `content-type ${type}`,
    requirement,
  });
}

/** Expects no item of a list (or the single consent) to carry client_name; names the first offender. */
export function expectNoClientName(
  c: CheckContext,
  items: readonly unknown[],
  what: string,
  requirement?: string,
): void {
  const offender = items.find(
    (item) => typeof item === 'object' && item !== null && Object.hasOwn(item, 'client_name'),
  );
  const count = items.length;
  c.expect.that(offender === undefined, {
    expected: `${what} without client_name (it belongs to GET /v1/manage/consents only)`,
    observed:
      offender === undefined
        ? `${count} item(s) without client_name`
        : `client_name ${JSON.stringify((offender as { client_name: unknown }).client_name)} on consent ${String((offender as { consent_id?: unknown }).consent_id)}`,
    ...(requirement !== undefined ? { requirement } : {}),
  });
}

/** The single consent of a GET /v1/consents/{id} body, or the items of a list body, to hand to expectNoClientName. */
export function singleConsentIn(res: TargetResponse): unknown[] {
  const body = res.json as { result?: unknown } | undefined;
  const consent = body && typeof body === 'object' && 'result' in body ? body.result : body;
  return consent === undefined ? [] : [consent];
}

/** "200, empty body" or "204 with body {...}": what a successful delete or revoke answered (an observation). */
export function describeSuccess(res: TargetResponse): string {
  const text = res.text.trim();
  return text === '' ? `${res.status}, empty body` : `${res.status} with body ${snippet(text)}`;
}

export type TimestampUnit = 'milliseconds' | 'seconds' | 'unrecognized';

/**
 * The unit of an epoch timestamp, inferred from its magnitude: 1e11 is 1973 in milliseconds and the year 5138 in
 * seconds, so any present-day time lies clearly on one side (docs/facts.md §5.2: the unit is undocumented).
 */
export function timestampUnit(value: unknown): TimestampUnit {
  if (typeof value !== 'number' || !Number.isFinite(value)) return 'unrecognized';
  if (value >= 1e11) return 'milliseconds';
  if (value >= 1e8) return 'seconds';
  return 'unrecognized';
}

/**
 * AUTH-ERROR-BODY observations: the status and body answered to a request without a token and to one with a
 * token the operation refuses, and whether each 401/403 body matches error-auth.schema.json (decisions #5).
 */
export async function observeAuthErrorBodies(
  c: CheckContext,
  requirement: string,
  call: (token: CheckCredential | null) => Promise<TargetResponse>,
  refusedToken: { readonly label: string; readonly token: CheckCredential },
): Promise<void> {
  const cases: Array<[string, CheckCredential | null]> = [
    ['no Authorization header', null],
    [refusedToken.label, refusedToken.token],
  ];
  for (const [label, token] of cases) {
    const res = await call(token);
    const body = res.text.trim() === '' ? 'an empty body' : `body ${snippet(res.text.trim())}`;
    c.observe({
      requirement,
      question: `status and body answered to a request with ${label}`,
      observed: `${res.status} with ${body}`,
    });
    // A body that is not JSON is itself the observation; validating it would end the check as an error.
    if ((res.status === 401 || res.status === 403) && res.json !== undefined && res.jsonError === undefined) {
      c.expect.schema(res, 'error-auth.schema.json', { requirement });
    }
  }
}

/** A 200 (under `okRequirement`) whose body matches `envelope` and is labelled JSON (under `bodyRequirement`). */
export function expectJsonEnvelope(
  c: CheckContext,
  res: TargetResponse,
  okRequirement: string,
  envelope: string,
  bodyRequirement: string,
): void {
  c.expect.status(res, 200, { requirement: okRequirement });
  c.expect.schema(res, envelope);
  expectJsonContentType(c, res, bodyRequirement);
}
