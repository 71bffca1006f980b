import type { CheckRecord, Observation, RunResults } from './checkRecord.js';

/**
 * The engine emits these; the console progress, the vitest glue and every reporter only consume them.
 * Reporters never reach into the engine.
 */
export type RunEvent =
  | {
      readonly type: 'run-started';
      readonly runId: string;
      readonly seed: number;
      readonly target: string;
      readonly plannedChecks?: number;
    }
  | { readonly type: 'suite-started'; readonly suite: string }
  /** How many checks the run will finish; `complete` once every suite file has been collected (until then, at least). */
  | { readonly type: 'checks-planned'; readonly planned: number; readonly complete: boolean }
  | { readonly type: 'check-finished'; readonly record: CheckRecord }
  | { readonly type: 'observation'; readonly observation: Observation }
  | { readonly type: 'run-error'; readonly message: string }
  | { readonly type: 'run-finished'; readonly results: RunResults };

export type RunEventListener = (event: RunEvent) => void;
