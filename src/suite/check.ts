import { inject, test } from 'vitest';
import { checkTestName } from './naming.js';
import { runCheck } from './runCheck.js';
import { servicesFor } from './services.js';
import { stopReason } from './targetWatch.js';
import type { CheckBody, CheckMeta } from './types.js';
import { RUN_CONFIG_KEY } from './vitestContext.js';

/**
 * Registers one conformance check: one vitest test named `[REQUIREMENT-ID] title (cell)`. Its CheckRecord goes
 * into the test's meta for the engine; failed and error verdicts also fail the vitest test and skipped ones
 * skip it, so vitest's own output tells the same story.
 */
export function check(meta: CheckMeta, body: CheckBody): void {
  // The plan travels with the test from collection on, so the engine knows every check's record id before any
  // runs (an unrun check is written as `error` under the id it would have had).
  const cisPlan = {
    requirement: meta.requirement,
    title: meta.title,
    ...(meta.cell !== undefined ? { cell: meta.cell } : {}),
    ...(meta.family !== undefined ? { family: meta.family } : {}),
  };
  test(checkTestName(meta), { meta: { cisPlan } }, async (context) => {
    const config = inject(RUN_CONFIG_KEY);
    if (!config) {
      throw new Error('no run configuration was provided: conformance suites run through `cis-conformance run`');
    }
    // The run stopped (interrupted, deadline, the target stopped answering) before this check started: vitest's
    // cancellation reaches the worker late, so the check steps aside; the engine writes it as `error` "not run".
    const stopped = config.watchDir !== undefined ? stopReason(config.watchDir) : undefined;
    if (stopped !== undefined) context.skip(`not run: ${stopped}`);
    const { record, observations } = await runCheck(meta, body, await servicesFor(config));
    context.task.meta.cisRecords = [record];
    context.task.meta.cisObservations = [...observations];
    if (record.verdict === 'skipped') context.skip(record.message);
    if (record.verdict === 'failed' || record.verdict === 'error') {
      throw new Error(`${record.verdict}: ${record.message}`);
    }
  });
}
