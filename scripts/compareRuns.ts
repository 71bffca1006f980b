/**
 * Compares two results.json files of runs with the same seed, for a change meant to keep behaviour identical (a
 * refactoring): per check its id, requirement, verdict, evidence, coverage, message and the sequence of its
 * exchanges (method, path, status, body), with what differs between any two runs masked — timings, ports,
 * ids the server or the run's nonce generated, timestamps, signatures.
 *
 *   npx tsx scripts/compareRuns.ts reports/before/results.json reports/after/results.json
 *
 * Prints the checks that differ (the first difference of each) and exits 1 if any does.
 */
import { readFileSync } from 'node:fs';

interface Exchange {
  readonly request: { readonly method: string; readonly url: string; readonly body?: unknown };
  readonly response?: { readonly status: number; readonly body?: unknown };
}
interface Check {
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

function checksOf(file: string): Map<string, Check> {
  const results = JSON.parse(readFileSync(file, 'utf8')) as { checks: Check[] };
  return new Map(results.checks.map((c) => [c.id, c]));
}

function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  const at = Math.max(0, i - 60);
  return `\n    before: …${a.slice(at, i + 100)}\n    after:  …${b.slice(at, i + 100)}`;
}

const [beforeFile, afterFile] = process.argv.slice(2);
if (!beforeFile || !afterFile) {
  console.error('usage: tsx scripts/compareRuns.ts BEFORE/results.json AFTER/results.json');
  process.exit(2);
}
const before = checksOf(beforeFile);
const after = checksOf(afterFile);
const problems: string[] = [];
for (const [id, check] of before) {
  const other = after.get(id);
  if (!other) problems.push(`only before: ${id}`);
  else if (fingerprint(check) !== fingerprint(other))
    problems.push(`differs: ${id}${firstDifference(fingerprint(check), fingerprint(other))}`);
}
for (const id of after.keys()) if (!before.has(id)) problems.push(`only after: ${id}`);
console.log(`${before.size} checks before, ${after.size} after; ${problems.length} differ`);
for (const problem of problems.slice(0, 40)) console.log(`  ${problem}`);
if (problems.length > 40) console.log(`  … and ${problems.length - 40} more`);
process.exit(problems.length > 0 ? 1 : 0);
