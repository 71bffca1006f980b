import type { CheckRecord } from '../model/checkRecord.js';
import type { RequirementCatalog } from '../model/requirement.js';

/** Which suite folders hold the checks of each requirement, learnt from a clean run's records. */
export type Coverage = ReadonlyMap<string, ReadonlySet<string>>;

/**
 * A record's suite folder is taken to be its family (`suites/<family>/`). `folders` are the folders a run may use
 * (the selected suites, or all); a family that is not one of them is mapped to `*`, which makes the plan use all
 * of `folders` (e.g. the smoke suite's checks are family `contract` but live in `suites/smoke/`).
 */
export function coverageOf(checks: readonly CheckRecord[], folders: readonly string[]): Map<string, Set<string>> {
  const coverage = new Map<string, Set<string>>();
  for (const check of checks) {
    const found = coverage.get(check.requirement) ?? new Set<string>();
    found.add(folders.includes(check.family) ? check.family : '*');
    coverage.set(check.requirement, found);
  }
  return coverage;
}

/**
 * Coverage as the catalog predicts it, without a clean run: each requirement's checks in the folder of its family.
 * Cheaper than `coverageOf`, and wrong only for a rule checked outside its family's folder.
 */
export function catalogCoverage(catalog: RequirementCatalog): Map<string, Set<string>> {
  return new Map(catalog.requirements.map((r) => [r.id, new Set<string>([r.family])]));
}

export interface TargetedPlan {
  /** The fault's own ids that a check of the clean run covers. */
  readonly requirements: readonly string[];
  /** The suite folders those checks are in; empty = the selected suites (a check outside a family folder). */
  readonly suites: readonly string[];
  /** Own ids no check covers: the targeted run cannot reach them. */
  readonly uncovered: readonly string[];
}

/**
 * The targeted run of a fault: only the checks of its own `violates` ids, only in the folders holding them
 * (vitest then collects a few files instead of all). `selected` is the run's `--suite` choice (empty = all).
 * A fault that survives this run is run against the selected suites whole, so the narrowing only saves time.
 */
export function targetedPlan(
  violates: readonly string[],
  coverage: Coverage,
  selected: readonly string[],
  catalog: RequirementCatalog,
): TargetedPlan {
  const requirements = violates.filter((id) => coverage.has(id));
  const uncovered = violates.filter((id) => !coverage.has(id));
  const folders = new Set(requirements.flatMap((id) => foldersFor(id, coverage, catalog)));
  const suites = folders.has('*') ? [...selected] : [...folders].sort();
  return { requirements, suites, uncovered };
}

/**
 * The folder named after the requirement's family when it holds a check of it (a rule's own suite is the one meant
 * to catch it), else every folder that does: fewer files for vitest to collect.
 */
function foldersFor(id: string, coverage: Coverage, catalog: RequirementCatalog): string[] {
  const folders = coverage.get(id) ?? new Set<string>();
  const family = catalog.requirements.find((r) => r.id === id)?.family;
  return family !== undefined && folders.has(family) ? [family] : [...folders];
}

/** docs/design.md §4: a fault against an inferred rule is judged with --strict. */
export function judgedStrict(violates: readonly string[], catalog: RequirementCatalog): boolean {
  return violates.some((id) => catalog.requirements.find((r) => r.id === id)?.evidence === 'inferred');
}
