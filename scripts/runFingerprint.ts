/**
 * What must stay the same of one check between two runs with the same seed (scripts/compareRuns.ts, and the
 * concurrency test), with what differs between any two runs masked: timings, ports, ids the server or the run's
 * nonce generated, timestamps, signatures.
 */
export interface Exchange {
  readonly request: { readonly method: string; readonly url: string; readonly body?: unknown };
  readonly response?: { readonly status: number; readonly body?: unknown };
}
export interface Check {
  readonly id: string;
  readonly requirement: string;
  readonly verdict: string;
  readonly evidence?: string;
  readonly covers?: readonly string[];
  readonly message?: string;
  readonly exchanges?: readonly Exchange[];
}

const MASKS: ReadonlyArray<readonly [RegExp, string]> = [
  // A message cut at its length limit ends mid-id: what stands before the ellipsis.
  [/[0-9a-z-]*…/gi, '…'],
  // … and a message cut in the middle goes on mid-id after it.
  [/… ?[0-9a-z-]*/gi, '… '],
  [/127\.0\.0\.1:\d+/g, '127.0.0.1:PORT'],
  [/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, 'TIME'],
  [/\b1[0-9]{9}(\d{3})?\b/g, 'EPOCH'],
  [/\b[a-z0-9]{20}\b/g, 'SERVER-ID'],
  [/\b[0-9a-f]{8}-[0-9a-z]*/gi, 'RUN-ID'],
  [/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g, 'UUID'],
  [/\b\d+(\.\d+)? ?(ms|s)\b/g, 'DURATION'],
];

export function masked(text: string): string {
  return MASKS.reduce((out, [pattern, by]) => out.replace(pattern, by), text);
}

/** What must stay the same of one check. */
export function fingerprint(check: Check): string {
  return masked(
    JSON.stringify({
      requirement: check.requirement,
      verdict: check.verdict,
      evidence: check.evidence,
      covers: check.covers,
      message: check.message,
      exchanges: (check.exchanges ?? []).map((e) => [
        e.request.method,
        e.request.url,
        e.request.body,
        e.response?.status,
        e.response?.body,
      ]),
    }),
  );
}
