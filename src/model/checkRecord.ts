import type { Evidence, Verdict } from './verdict.js';
import type { CheckFamily } from './families.js';

/** One HTTP exchange as it appears in reports: secrets already redacted. */
export interface RecordedExchange {
  readonly request: {
    readonly method: string;
    readonly url: string;
    readonly headers: Readonly<Record<string, string>>;
    readonly body?: unknown;
  };
  /** Absent when no response arrived (time-out, reset, refused). */
  readonly response?: {
    readonly status: number;
    readonly headers: Readonly<Record<string, string>>;
    readonly body?: unknown;
  };
  readonly error?: string;
  readonly durationMs: number;
}

/** How to replay a check: docs/design.md §3.2 "reproduction". */
export interface Reproduction {
  readonly seed: number;
  /** e.g. `npx cis-conformance run --check CLIENTS-CREATE-201 --seed 42 --target http://...` */
  readonly command: string;
  /** The last request of the check as a curl line, secrets redacted. */
  readonly curl?: string;
  /** For property and stateful checks: fast-check's counterexample path. */
  readonly path?: string;
}

/** One check's outcome: one record per check in results.json `checks[]`. */
export interface CheckRecord {
  /** Unique within a run, e.g. `token-types/CLIENTS-CREATE/expired`. */
  readonly id: string;
  readonly requirement: string;
  /** Every requirement whose rule this check judged (its own and those named in expectations); coverage counts these. */
  readonly covers?: readonly string[];
  /** `METHOD /path`. */
  readonly operation: string;
  readonly family: CheckFamily;
  readonly title: string;
  readonly verdict: Verdict;
  readonly evidence: Evidence;
  /**
   * "observed X, expected Y" for failures and warnings; the reason for skips and errors; for `observed`, what the
   * target did (`REQUIREMENT: answer`, one per observation).
   */
  readonly message: string;
  readonly reproduction: Reproduction;
  /** The exchanges kept for the report (the first and the last ones, bodies cut beyond a few KiB). */
  readonly exchanges: readonly RecordedExchange[];
  /** How many exchanges between the kept first and last ones were left out of the record. */
  readonly exchangesOmitted?: number;
  readonly durationMs: number;
  /** For matrix checks: the row label (token kind or permission set) shown in the HTML matrices. */
  readonly cell?: string;
}

/** What the target did where the docs are silent (an `observation` requirement). */
export interface Observation {
  readonly requirement: string;
  readonly operation: string;
  /** What was asked, e.g. "status of a successful consent delete". */
  readonly question: string;
  /** What the target did, e.g. "204". */
  readonly observed: string;
  readonly checkId: string;
}

/** A catalog requirement that no check reached in this run. */
export interface Uncovered {
  readonly requirement: string;
  readonly operation: string;
  readonly reason: string;
}

export interface VerdictCounts {
  passed: number;
  /** Checks that judged only observation rules (docs/design.md §1); results.json files written before it lack it. */
  observed: number;
  failed: number;
  warnings: number;
  skipped: number;
  errors: number;
}

/** The shape of `results.json`. */
export interface RunResults {
  readonly tool: { readonly name: 'cis-conformance'; readonly version: string };
  readonly run: {
    readonly id: string;
    readonly seed: number;
    readonly target: string;
    readonly strict: boolean;
    readonly suites: readonly string[];
    readonly shard?: string;
    /** The choices the embedded reference ran with (reference/choices.ts), each with the requirements it flips. */
    readonly choices?: ReadonlyArray<{ readonly name: string; readonly flips: readonly string[] }>;
    readonly startedAt: string;
    readonly durationMs: number;
  };
  readonly summary: VerdictCounts;
  readonly checks: readonly CheckRecord[];
  readonly observations: readonly Observation[];
  readonly uncovered: readonly Uncovered[];
  /** Problems of the run itself (target unreachable at start, suite file crashed). */
  readonly runErrors: readonly string[];
}

/** The HTTP requests a check sent: the exchanges its record kept plus those it left out. */
export function requestsOf(record: Pick<CheckRecord, 'exchanges' | 'exchangesOmitted'>): number {
  return record.exchanges.length + (record.exchangesOmitted ?? 0);
}
