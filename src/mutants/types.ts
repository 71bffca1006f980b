import type { ChoicesSpec } from '../../reference/choices.js';
import type { VerdictCounts } from '../model/checkRecord.js';

/** A `mutants` run, resolved by `src/cli/commands/mutants.ts` (or built by a programmatic caller). */
export interface MutantsConfig {
  /** Fault names (reference/faults.ts); empty = every fault. */
  readonly faults: readonly string[];
  /** Suite folder names; empty = all. */
  readonly suites: readonly string[];
  readonly seed: number;
  /** fast-check numRuns for property and stateful checks. */
  readonly runs: number;
  readonly reportDir: string;
  /**
   * Each fault's run stops at its first failed check, and the mutation run stops at the first survivor (or a
   * failing clean run). Without it every selected check runs, so the report shows all the ids a fault fails.
   */
  readonly failFast: boolean;
  readonly requestTimeoutMs: number;
  /**
   * The choices of the reference, clean and faulty alike (reference/choices.ts); absent = default. A fault is
   * killed only by an own rule that did not fail in the clean run with the same choices; a fault whose own rules
   * are all flipped by an active choice is not applicable under that set.
   */
  readonly choices?: ChoicesSpec;
}

/** One failed check of a run. */
export interface FailedCheck {
  /** The check's own requirement (its `[ID]` in the test name). */
  readonly requirement: string;
  readonly checkId: string;
  readonly message: string;
  /**
   * The rules the check found broken, as its message names them (`ID: observed …`): a check of one rule may fail
   * on another it relies on (a semantics check failing on `…-200` of a step). The check's requirement if none.
   */
  readonly rules: readonly string[];
}

/** When the first failed check arrived, counted from the start of its run. */
export interface FirstFailure {
  readonly afterMs: number;
  /** HTTP exchanges of the checks finished so far, in event order, the failed check's own included. */
  readonly requests: number;
  /** Checks finished so far, the failed one included. */
  readonly checks: number;
}

/** One conformance run against one target (the clean reference or a fault). */
export interface RunTally {
  readonly summary: VerdictCounts;
  readonly failed: readonly FailedCheck[];
  readonly checks: number;
  /** HTTP exchanges recorded by all checks of the run. */
  readonly requests: number;
  readonly firstFailure?: FirstFailure;
  readonly durationMs: number;
  /** Problems of the run itself; the interruption a fail-fast stop causes is left out. */
  readonly runErrors: readonly string[];
  /** True when the run stopped early because a check failed (fail-fast). */
  readonly stoppedEarly: boolean;
}

/** How one fault was run: the targeted run on its own requirements first, then the selected suites whole. */
export interface KillAttempt extends RunTally {
  readonly stage: 'targeted' | 'full';
  readonly suites: readonly string[];
  /** Requirement ids selected (targeted stage); absent = every check of the suites. */
  readonly requirements?: readonly string[];
  /** Inferred-rule violations fail under strict (docs/design.md §4). */
  readonly strict: boolean;
}

export interface FaultOutcome {
  readonly fault: string;
  readonly area: string;
  readonly description: string;
  readonly violates: readonly string[];
  readonly killed: boolean;
  /** Every own rule is flipped by an active choice: the fault is the choice's side, neither killed nor survived. */
  readonly notApplicable?: boolean;
  /** The rules the failed checks of the killing attempt name as broken, first failure first. */
  readonly killedBy: readonly string[];
  /** Whether one of the fault's own `violates` ids is among `killedBy`. */
  readonly killedByOwn: boolean;
  /**
   * Own ids that no failed check of the targeted run named as broken. Only meaningful without fail-fast (a stopped
   * run leaves checks unrun); `undefined` then.
   */
  readonly ownNotFailed?: readonly string[];
  /** Own ids no check of the clean run covers (the suites cannot catch them there). */
  readonly ownUncovered: readonly string[];
  readonly attempts: readonly KillAttempt[];
  /** Of the killing attempt. */
  readonly firstFailure?: FirstFailure;
  readonly durationMs: number;
}

export interface MutantsReport {
  readonly tool: { readonly name: 'cis-conformance'; readonly version: string };
  readonly generatedAt: string;
  readonly seed: number;
  readonly suites: readonly string[];
  readonly failFast: boolean;
  readonly clean: RunTally;
  /** The active choices (reference/choices.ts), in registry order; empty = default. */
  readonly choices: readonly string[];
  /** Rules that failed in the clean run and are not flipped by an active choice: false failures of the harness. */
  readonly cleanUnexplained: readonly string[];
  readonly faults: readonly FaultOutcome[];
  /** Faults not run because fail-fast stopped the run first. */
  readonly notRun: readonly string[];
  /** `total` counts the applicable faults run; `notApplicable` those an active choice coincides with. */
  readonly score: { readonly killed: number; readonly total: number; readonly notApplicable: number };
  readonly durationMs: number;
  /** 0: clean run green and every fault run killed; 1: a survivor or a failing clean run; 2: the run could not check. */
  readonly exitCode: 0 | 1 | 2;
}

/** Progress a caller (the CLI) can print as the run goes. */
export type MutantsProgress =
  | { readonly type: 'clean-finished'; readonly tally: RunTally }
  | { readonly type: 'fault-started'; readonly fault: string; readonly index: number; readonly total: number }
  | { readonly type: 'fault-finished'; readonly outcome: FaultOutcome; readonly index: number; readonly total: number };
