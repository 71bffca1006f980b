import type { RunResults } from '../model/checkRecord.js';
import type { ExitCode } from './types.js';

/**
 * docs/design.md §3.1: 1 if any check failed; otherwise 2 if the run could not check (target unreachable, a run error,
 * any `error` verdict, nothing ran at all); otherwise 0. Usage errors give 2 before a run starts (the CLI).
 */
export function exitCodeFor(results: RunResults): ExitCode {
  if (results.summary.failed > 0) return 1;
  if (results.summary.errors > 0 || results.runErrors.length > 0 || results.checks.length === 0) return 2;
  return 0;
}
