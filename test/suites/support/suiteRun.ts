/**
 * How the suite tests run their suites: in-process through the engine, against the embedded reference unless told
 * otherwise, one worker (polite on 2 cores), a fixed seed and a small case count.
 */
import { runConformance, type RunConfig, type RunOutcome } from '../../../src/engine/index.js';
import type { CheckRecord } from '../../../src/model/checkRecord.js';

export interface SuiteRunOptions extends Partial<Omit<RunConfig, 'suites'>> {
  /** A seeded defect of the embedded reference (ignored when `target` is given). */
  readonly fault?: string;
}

/** A frozen-shape RunConfig for `suites`, with the defaults every suite test shares. */
export function suiteRunConfig(suites: readonly string[], options: SuiteRunOptions = {}): RunConfig {
  const { fault, ...overrides } = options;
  return {
    target: fault !== undefined ? { kind: 'embedded', fault } : { kind: 'embedded' },
    suites,
    seed: 11,
    runs: 5,
    strict: false,
    reportDir: '/unused',
    requestTimeoutMs: 5000,
    ...overrides,
  };
}

export function runSuites(config: RunConfig): Promise<RunOutcome> {
  return runConformance(config, { maxWorkers: 1 });
}

/** One readable line per check, for `toEqual([])` on the ones that did not pass. */
export const verdictLines = (checks: readonly CheckRecord[]): string[] =>
  checks.map((c) => `${c.requirement} ${c.verdict}: ${c.message}`);
