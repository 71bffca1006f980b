/** The run configuration the runner hands to the vitest workers, and what it carries. */

/** Serializable: it travels from the CLI to the vitest workers inside the run configuration. */
export interface TransportPolicy {
  /** Extra attempts for retriable answers (src/http/retry.ts). Default 0. */
  readonly retries?: number;
  /** The first back-off delay when no Retry-After says how long (doubles per attempt). Default 500 ms. */
  readonly retryDelayMs?: number;
  readonly ratePerSecond?: number;
  readonly maxRequests?: number;
  /** The run's shared gate file (src/http/sharedGate.ts); without it the gate is per process. */
  readonly gateFile?: string;
  /**
   * Unset: the checks of a worker share one keep-alive Agent (src/http/client.ts `'shared'`); `keep-alive`: each
   * check its own. `global`: undici's global dispatcher (keep-alive as well). Live runs use it: at a few requests per second a
   * private pool buys nothing, and it is the dispatcher nock replaces, so tests replay the real code path.
   */
  readonly dispatcher?: 'keep-alive' | 'shared' | 'global';
}

/** Live mode (the Transmit sandbox, or production by explicit choice): docs/design.md §5. */
export interface LiveRunSettings {
  /** `<report-dir>/ledger-<runId>.jsonl`: every resource the run created (src/live/ledger.ts). */
  readonly ledgerFile: string;
  /** `--allow-destructive --disposable-app APP_ID` with APP_ID the token's own app: `DELETE /v1/clients` may run. */
  readonly allowDestructive: boolean;
}

/** Serializable run configuration, handed from the runner to the vitest workers (provide/inject key `cisRun`). */
export interface SuiteRunConfig {
  /** Prefix before `/v1/...`, e.g. `http://127.0.0.1:41234` or `https://api.sbx.transmitsecurity.io/cis`. */
  readonly baseUrl: string;
  /** Provider-state hook (docs/design.md §2.3), or null when the target has none. */
  readonly stateUrl: string | null;
  /** Why there is no state hook, when stateUrl is null (shown in skip reasons). */
  readonly stateUnavailableReason?: string;
  readonly tokens:
    | { readonly kind: 'local'; readonly iss: string; readonly issuerUrl?: string }
    | { readonly kind: 'sandbox'; readonly tokenUrl: string };
  readonly runId: string;
  readonly seed: number;
  /** fast-check numRuns for property and stateful checks. */
  readonly runs: number;
  /**
   * `--replay-path`: fast-check's counterexample path of a failed property or stateful check (src/suite/property.ts).
   * With the same seed and `--check`, the check replays exactly that case, without searching or shrinking.
   */
  readonly replayPath?: string;
  readonly strict: boolean;
  readonly requestTimeoutMs: number;
  /** How the target is named in reproduction commands: `embedded` or the URL. */
  readonly targetLabel: string;
  /** Absolute path of the package root (to find `schemas/` and `fixtures/` wherever the package is installed). */
  readonly packageRoot: string;
  /** Active seeded fault of the embedded target, if any (self-tests only). */
  readonly fault?: string;
  /** The choices of the embedded target (`--choices alternate` or `--choice` names), for reproduction commands. */
  readonly choices?: 'alternate' | readonly string[];
  /**
   * Set when the pre-flight probe found the target down: every check then ends as `error` with this reason
   * at once, instead of each waiting for its own time-out.
   */
  readonly unreachableReason?: string;
  /**
   * The run's watch folder (src/suite/targetWatch.ts): workers note there when answers arrive, and learn there
   * that the main process stopped the run. Absent: not watched.
   */
  readonly watchDir?: string;
  /** Retries, rate limit and request budget of every request (src/http/policy.ts); absent: none. */
  readonly transport?: TransportPolicy;
  /** Set in live mode only. */
  readonly live?: LiveRunSettings;
}
