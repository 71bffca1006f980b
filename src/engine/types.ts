import type { RunResults } from '../model/checkRecord.js';
import type { RunEventListener } from '../model/events.js';
import type { TargetSpec } from '../targets/index.js';

/** A run, resolved and frozen by `src/cli/options.ts` (or built by a programmatic caller). */
export interface RunConfig {
  readonly target: TargetSpec;
  /** A standalone issuer (`--issuer`) whose JWKS the embedded reference should trust. */
  readonly issuerUrl?: string;
  /** Explicit provider-state hook (`--state-url`). */
  readonly stateUrl?: string;
  /** Suite folder names under `suites/`; empty = all. */
  readonly suites: readonly string[];
  readonly seed: number;
  /** fast-check numRuns for property and stateful checks. */
  readonly runs: number;
  readonly strict: boolean;
  /** Only the checks of this requirement id. */
  readonly check?: string;
  /** Only the checks of these requirement ids (with `check`: the union). For programmatic callers (mutants). */
  readonly checks?: readonly string[];
  /** With `check`: replay exactly this fast-check case (`--replay-path`, printed by a failing property check). */
  readonly replayPath?: string;
  readonly reportDir: string;
  /** 1-based shard of `count`. */
  readonly shard?: { readonly index: number; readonly count: number };
  /** Per-request time-out. */
  readonly requestTimeoutMs: number;
  /**
   * The whole run's deadline (`--deadline`), from its start: checks not started by then end as `error`
   * "deadline". Default DEFAULT_DEADLINE_MS (live: DEFAULT_LIVE_DEADLINE_MS, chosen by the CLI).
   */
  readonly deadlineMs?: number;
  /**
   * Checks at once inside each vitest worker (`--concurrency`). Checks are independent (each has its own app and
   * ids), so this changes no verdict, only how long a run waits on the target. Default DEFAULT_CONCURRENCY;
   * live mode: 1 (the tenant has one app, which checks that write would share).
   */
  readonly concurrency?: number;
  /** Worker processes (`--workers`); default vitest's (cores − 1, at least 1). RunnerOptions.maxWorkers wins. */
  readonly workers?: number;
}

/**
 * Checks at once per worker when none is given. Measured with `npm run bench` (docs/performance.md): at 25 ms of
 * added latency a full run takes about a fifth of the sequential time at 8 and gains little beyond; on loopback
 * it changes little either way.
 */
export const DEFAULT_CONCURRENCY = 8;
/** Live mode: one check at a time per worker (CLARIFICATIONS: the tenant has one app). */
export const LIVE_CONCURRENCY = 1;

/** The run deadline when none is given: 20 minutes (a full run against the reference takes about one). */
export const DEFAULT_DEADLINE_MS = 20 * 60_000;
/** Live runs pace their requests to the service's rate limits: 60 minutes. */
export const DEFAULT_LIVE_DEADLINE_MS = 60 * 60_000;

export interface RunnerOptions {
  /** Where `schemas/`, `fixtures/` and the suites are; default: the package this engine belongs to. */
  readonly packageRoot?: string;
  /** Receives every RunEvent in order (reporters, console progress). */
  readonly onEvent?: RunEventListener;
  /** Parallel suite files; default vitest's (cores - 1). */
  readonly maxWorkers?: number;
  /**
   * Resolves when the user asks to stop (Ctrl-C, SIGTERM): checks not yet started are cancelled and written as
   * `error` "interrupted"; a running check ends at its next request.
   */
  readonly stopSignal?: Promise<void>;
}

export type ExitCode = 0 | 1 | 2;

export interface RunOutcome {
  readonly results: RunResults;
  readonly exitCode: ExitCode;
}
