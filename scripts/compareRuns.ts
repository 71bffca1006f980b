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
import { fingerprint, type Check } from './runFingerprint.js';

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
