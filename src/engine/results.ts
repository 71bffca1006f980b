import type { CheckRecord, Observation, RunResults, Uncovered, VerdictCounts } from '../model/checkRecord.js';
import type { RequirementCatalog } from '../model/requirement.js';

/** Which part of the suites a run selected; decides why a requirement went unchecked. */
export interface RunSelection {
  /** Empty = all suites. */
  readonly suites: readonly string[];
  readonly check?: string;
  readonly shard?: string;
}

export interface RunResultsInput {
  readonly version: string;
  readonly run: RunResults['run'];
  readonly checks: readonly CheckRecord[];
  readonly observations: readonly Observation[];
  readonly runErrors: readonly string[];
  readonly catalog: RequirementCatalog;
  readonly selection: RunSelection;
}

export function summarize(checks: readonly CheckRecord[]): VerdictCounts {
  const counts: VerdictCounts = { passed: 0, observed: 0, failed: 0, warnings: 0, skipped: 0, errors: 0 };
  for (const { verdict } of checks) {
    if (verdict === 'warning') counts.warnings++;
    else if (verdict === 'error') counts.errors++;
    else counts[verdict]++;
  }
  return counts;
}

/** Catalog requirements no check of this run reached, each with the reason. */
export function uncoveredRequirements(
  catalog: RequirementCatalog,
  checks: readonly CheckRecord[],
  selection: RunSelection,
): Uncovered[] {
  // A check covers its own requirement and every rule it judged on the way (status, body, envelope...).
  const reached = new Set(checks.flatMap((c) => [c.requirement, ...(c.covers ?? [])]));
  const filters = [
    selection.suites.length > 0 ? `--suite ${selection.suites.join(' ')}` : undefined,
    selection.check !== undefined ? `--check ${selection.check}` : undefined,
    selection.shard !== undefined ? `--shard ${selection.shard}` : undefined,
  ].filter((f): f is string => f !== undefined);
  return catalog.requirements
    .filter((r) => !reached.has(r.id))
    .map((r) => {
      const base =
        filters.length === 0 || selection.check === r.id
          ? filters.length === 0
            ? 'no check in the suites reaches it'
            : `no check in the selected suites reaches it (${filters.join(', ')})`
          : `not selected in this run (${filters.join(', ')})`;
      const note = r.notes && /no (documented )?trigger/i.test(r.notes) ? `; ${r.notes}` : '';
      return { requirement: r.id, operation: r.operation, reason: base + note };
    });
}

export function buildRunResults(input: RunResultsInput): RunResults {
  return {
    tool: { name: 'cis-conformance', version: input.version },
    run: input.run,
    summary: summarize(input.checks),
    checks: input.checks,
    observations: input.observations,
    uncovered: uncoveredRequirements(input.catalog, input.checks, input.selection),
    runErrors: input.runErrors,
  };
}
