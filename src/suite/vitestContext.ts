/**
 * What crosses the vitest process boundary, typed once: the run config the runner provides to the workers
 * (provide/inject key `cisRun`) and what each test leaves in its task meta for the engine's vitest reporter.
 * Both must stay JSON-serializable: vitest sends them between processes.
 */
import type { CheckRecord, Observation } from '../model/checkRecord.js';
import type { CheckMeta, SuiteRunConfig } from './types.js';

/** What the engine needs, at collection time, to name a check's record: its id inputs (src/suite/naming.ts). */
export type CheckPlan = Pick<CheckMeta, 'requirement' | 'title' | 'cell' | 'family'>;

export const RUN_CONFIG_KEY = 'cisRun';

declare module 'vitest' {
  export interface ProvidedContext {
    cisRun: SuiteRunConfig;
  }
}

// TaskMeta lives in @vitest/runner; vitest only re-exports it, so the augmentation must target the origin.
declare module '@vitest/runner' {
  interface TaskMeta {
    /** The records of one check test (one record per check). */
    cisRecords?: CheckRecord[];
    cisObservations?: Observation[];
    /** Set when the check is declared (so known after collection): the inputs of its record id. */
    cisPlan?: CheckPlan;
  }
}

export interface CheckTaskMeta {
  cisRecords?: CheckRecord[];
  cisObservations?: Observation[];
  cisPlan?: CheckPlan;
}
