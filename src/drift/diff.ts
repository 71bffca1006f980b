/**
 * Drift between two runs (the nightly job's alert): checks that newly fail, failures that were fixed, checks that
 * appeared or went away, other verdict changes, and observations whose answer changed. Checks match by record id,
 * observations by requirement, check and question; each run's own id is masked in observed text, since ids the run
 * made up (`client-<runId>-…`) differ every night without anything having changed.
 */
import type { CheckRecord, Observation, RunResults } from '../model/checkRecord.js';
import type { Verdict } from '../model/verdict.js';

export interface CheckChange {
  readonly id: string;
  readonly requirement: string;
  readonly title: string;
  /** Absent for a check that is new in the newer run. */
  readonly from?: Verdict;
  /** Absent for a check the newer run no longer has. */
  readonly to?: Verdict;
  /** The newer run's message (the older one's for removed checks). */
  readonly message: string;
}

export interface ObservationChange {
  readonly requirement: string;
  readonly checkId: string;
  readonly question: string;
  /** Absent when the observation is new. */
  readonly from?: string;
  /** Absent when the observation is gone. */
  readonly to?: string;
}

export interface RunSummary {
  readonly id: string;
  readonly target: string;
  readonly startedAt: string;
}

export interface Drift {
  readonly older: RunSummary;
  readonly newer: RunSummary;
  /** Checks failing now that did not fail before (including new checks that fail). */
  readonly newFailures: readonly CheckChange[];
  /** Checks that failed before and pass now (passed, observed or warning). */
  readonly fixes: readonly CheckChange[];
  readonly newChecks: readonly CheckChange[];
  readonly removedChecks: readonly CheckChange[];
  /** Any other verdict change (e.g. passed → error, failed → skipped). */
  readonly otherChanges: readonly CheckChange[];
  /** The same question, answered differently. */
  readonly changedObservations: readonly ObservationChange[];
  /** Questions asked in only one of the runs. */
  readonly addedObservations: readonly ObservationChange[];
  readonly removedObservations: readonly ObservationChange[];
}

/** Verdicts of a check that no longer fails. */
const CLEAN: ReadonlySet<Verdict> = new Set<Verdict>(['passed', 'observed', 'warning']);

/**
 * passed ↔ observed is how the harness counts an observation-only check (a run written before `observed` existed
 * says `passed`), not something the target did: what it observed is compared in the observations sections.
 */
function countingOnly(from: Verdict, to: Verdict): boolean {
  return (from === 'passed' && to === 'observed') || (from === 'observed' && to === 'passed');
}

export function diffResults(older: RunResults, newer: RunResults): Drift {
  const before = new Map(older.checks.map((c) => [c.id, c]));
  const after = new Map(newer.checks.map((c) => [c.id, c]));
  const newFailures: CheckChange[] = [];
  const fixes: CheckChange[] = [];
  const newChecks: CheckChange[] = [];
  const otherChanges: CheckChange[] = [];
  for (const check of newer.checks) {
    const old = before.get(check.id);
    const change = changeOf(check, old?.verdict, check.verdict);
    if (!old) {
      newChecks.push(change);
      if (check.verdict === 'failed') newFailures.push(change);
    } else if (old.verdict !== check.verdict && !countingOnly(old.verdict, check.verdict)) {
      if (check.verdict === 'failed') newFailures.push(change);
      else if (old.verdict === 'failed' && CLEAN.has(check.verdict)) fixes.push(change);
      else otherChanges.push(change);
    }
  }
  const removedChecks = older.checks.filter((c) => !after.has(c.id)).map((c) => changeOf(c, c.verdict, undefined));

  const asked = (results: RunResults) => observationsByKey(results.observations, results.run.id);
  const obsBefore = asked(older);
  const obsAfter = asked(newer);
  const changedObservations: ObservationChange[] = [];
  const addedObservations: ObservationChange[] = [];
  for (const [key, now] of obsAfter) {
    const then = obsBefore.get(key);
    if (!then) addedObservations.push({ ...now.where, to: now.observed });
    else if (then.observed !== now.observed)
      changedObservations.push({ ...now.where, from: then.observed, to: now.observed });
  }
  const removedObservations = [...obsBefore]
    .filter(([key]) => !obsAfter.has(key))
    .map(([, then]) => ({ ...then.where, from: then.observed }));

  return {
    older: summaryOf(older),
    newer: summaryOf(newer),
    newFailures,
    fixes,
    newChecks,
    removedChecks,
    otherChanges,
    changedObservations,
    addedObservations,
    removedObservations,
  };
}

/** Exit 1 when the nightly should alert: a new failure, or an observation whose answer changed. */
export function driftExitCode(drift: Drift): 0 | 1 {
  return drift.newFailures.length > 0 || drift.changedObservations.length > 0 ? 1 : 0;
}

function changeOf(check: CheckRecord, from: Verdict | undefined, to: Verdict | undefined): CheckChange {
  return {
    id: check.id,
    requirement: check.requirement,
    title: check.title,
    ...(from !== undefined ? { from } : {}),
    ...(to !== undefined ? { to } : {}),
    message: check.message,
  };
}

function summaryOf(results: RunResults): RunSummary {
  return { id: results.run.id, target: results.run.target, startedAt: results.run.startedAt };
}

interface Asked {
  readonly where: Pick<ObservationChange, 'requirement' | 'checkId' | 'question'>;
  readonly observed: string;
}

function observationsByKey(observations: readonly Observation[], runId: string): Map<string, Asked> {
  const map = new Map<string, Asked>();
  for (const o of observations) {
    const key = JSON.stringify([o.requirement, o.checkId, o.question]);
    const observed = runId ? o.observed.split(runId).join('<run>') : o.observed;
    const earlier = map.get(key);
    // One check may ask the same question more than once (e.g. per case): compare the set of answers.
    const all = earlier ? [...new Set([...earlier.observed.split(' | '), observed])].sort().join(' | ') : observed;
    map.set(key, { where: { requirement: o.requirement, checkId: o.checkId, question: o.question }, observed: all });
  }
  return map;
}
