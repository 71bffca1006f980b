import { runConformance, type RunConfig } from '../engine/index.js';
import { requestsOf, type CheckRecord, type RunResults } from '../model/checkRecord.js';
import type { RunEvent } from '../model/events.js';
import { brokenRules } from '../model/findings.js';
import type { FailedCheck, FirstFailure, RunTally } from './types.js';

/** The run error the engine records when a stop signal cancels the checks not yet run. */
const INTERRUPTED = /^the run was interrupted/;

export interface TallyOptions {
  readonly packageRoot?: string;
  readonly maxWorkers?: number;
  /** Stop at the first failed check: the checks running finish, the rest are cancelled. */
  readonly failFast: boolean;
  /** With `failFast`, which failed check stops the run (default: any): a fault's run stops at one of its own rules. */
  readonly stopsAt?: (record: CheckRecord) => boolean;
  /** A stop from outside (Ctrl-C) as well. */
  readonly stopSignal?: Promise<void>;
}

export interface TalliedRun {
  readonly tally: RunTally;
  readonly results: RunResults;
}

/**
 * One conformance run, counted for the mutation report: its failures in arrival order and when the first one came
 * (time since the run was asked for, and the exchanges of every check finished until then). With `failFast` the
 * run is cancelled as soon as a check fails.
 */
export async function tallyRun(config: RunConfig, options: TallyOptions): Promise<TalliedRun> {
  const started = performance.now();
  const finished: Array<{ readonly record: CheckRecord; readonly atMs: number }> = [];
  let stop: () => void = () => undefined;
  const failed = new Promise<void>((resolve) => (stop = resolve));
  let stoppedEarly = false;
  const onEvent = (event: RunEvent): void => {
    if (event.type !== 'check-finished') return;
    finished.push({ record: event.record, atMs: performance.now() - started });
    const stops = options.stopsAt ?? (() => true);
    if (event.record.verdict === 'failed' && options.failFast && !stoppedEarly && stops(event.record)) {
      stoppedEarly = true;
      stop();
    }
  };
  const stopSignal = Promise.race([
    ...(options.failFast ? [failed] : []),
    ...(options.stopSignal ? [options.stopSignal] : []),
  ]);
  const { results } = await runConformance(config, {
    onEvent,
    ...(options.packageRoot !== undefined ? { packageRoot: options.packageRoot } : {}),
    ...(options.maxWorkers !== undefined ? { maxWorkers: options.maxWorkers } : {}),
    ...(options.failFast || options.stopSignal ? { stopSignal } : {}),
  });
  const first = firstFailure(finished);
  const tally: RunTally = {
    summary: results.summary,
    failed: results.checks.filter((c) => c.verdict === 'failed').map(failedCheck),
    checks: results.checks.length,
    requests: results.checks.reduce((sum, c) => sum + requestsOf(c), 0),
    ...(first ? { firstFailure: first } : {}),
    durationMs: Math.round(performance.now() - started),
    runErrors: stoppedEarly ? results.runErrors.filter((e) => !INTERRUPTED.test(e)) : results.runErrors,
    stoppedEarly,
  };
  return { tally, results };
}

/** The first failed check in event order, with the exchanges and checks finished up to and including it. */
export function firstFailure(
  finished: ReadonlyArray<{ readonly record: CheckRecord; readonly atMs: number }>,
): FirstFailure | undefined {
  let requests = 0;
  for (const [index, { record, atMs }] of finished.entries()) {
    requests += requestsOf(record);
    if (record.verdict === 'failed') return { afterMs: Math.round(atMs), requests, checks: index + 1 };
  }
  return undefined;
}

function failedCheck(record: CheckRecord): FailedCheck {
  const rules = brokenRules(record.message);
  return {
    requirement: record.requirement,
    checkId: record.id,
    message: record.message,
    rules: rules.length > 0 ? rules : [record.requirement],
  };
}

export { brokenRules } from '../model/findings.js';
