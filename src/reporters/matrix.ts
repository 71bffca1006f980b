/** The aggregations behind every report's matrices: operations × families, and per-cell label rows. */
import type { CheckRecord, VerdictCounts } from '../model/checkRecord.js';
import { CHECK_FAMILIES, type CheckFamily } from '../model/families.js';
import { worstVerdict, type Verdict } from '../model/verdict.js';
import { addVerdict, emptyCounts } from './format.js';
import { sortOperations } from './operations.js';

export interface MatrixCell {
  readonly counts: VerdictCounts;
  readonly worst: Verdict;
}

export interface ConformanceMatrix {
  /** Operations with at least one check, in the docs' order. */
  readonly operations: readonly string[];
  /** Families with at least one check, in `CHECK_FAMILIES` order. */
  readonly families: readonly CheckFamily[];
  /** Families no check of this run belongs to (so a report can say so instead of showing an empty column). */
  readonly absentFamilies: readonly CheckFamily[];
  cell(operation: string, family: CheckFamily): MatrixCell | undefined;
  /** Totals of one row (operation) or one column (family). */
  operationTotals(operation: string): VerdictCounts;
  familyTotals(family: CheckFamily): VerdictCounts;
}

export function conformanceMatrix(checks: readonly CheckRecord[]): ConformanceMatrix {
  const cells = new Map<string, { counts: VerdictCounts; worst: Verdict }>();
  const byOperation = new Map<string, VerdictCounts>();
  const byFamily = new Map<CheckFamily, VerdictCounts>();
  for (const check of checks) {
    const key = cellKey(check.operation, check.family);
    const cell = cells.get(key) ?? { counts: emptyCounts(), worst: check.verdict };
    addVerdict(cell.counts, check.verdict);
    cell.worst = worstVerdict(cell.worst, check.verdict);
    cells.set(key, cell);
    addVerdict(getOrCreate(byOperation, check.operation), check.verdict);
    addVerdict(getOrCreate(byFamily, check.family), check.verdict);
  }
  return {
    operations: sortOperations(byOperation.keys()),
    families: CHECK_FAMILIES.filter((family) => byFamily.has(family)),
    absentFamilies: CHECK_FAMILIES.filter((family) => !byFamily.has(family)),
    cell: (operation, family) => cells.get(cellKey(operation, family)),
    operationTotals: (operation) => byOperation.get(operation) ?? emptyCounts(),
    familyTotals: (family) => byFamily.get(family) ?? emptyCounts(),
  };
}

function cellKey(operation: string, family: string): string {
  return `${operation}\u0000${family}`;
}

function getOrCreate<K>(map: Map<K, VerdictCounts>, key: K): VerdictCounts {
  let counts = map.get(key);
  if (!counts) map.set(key, (counts = emptyCounts()));
  return counts;
}

/** One row of a token-type or permission matrix: all checks of one operation sharing a `cell` label. */
export interface LabelRow {
  readonly label: string;
  readonly worst: Verdict;
  readonly checks: readonly CheckRecord[];
}

/**
 * The rows of one operation's matrix for a family, in first-seen order (the suites' order). Checks without a
 * `cell` label are grouped under their title, so nothing of the family is dropped.
 */
export function labelRows(checks: readonly CheckRecord[], operation: string, family: CheckFamily): LabelRow[] {
  const rows = new Map<string, { label: string; worst: Verdict; checks: CheckRecord[] }>();
  for (const check of checks) {
    if (check.operation !== operation || check.family !== family) continue;
    const label = check.cell ?? check.title;
    const row = rows.get(label);
    if (row) {
      row.checks.push(check);
      row.worst = worstVerdict(row.worst, check.verdict);
    } else rows.set(label, { label, worst: check.verdict, checks: [check] });
  }
  return [...rows.values()];
}
