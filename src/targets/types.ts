import type { ChoicesSpec } from '../../reference/choices.js';
import type { LiveHost } from '../live/hosts.js';
import type { SuiteRunConfig } from '../model/runConfig.js';

/** Where a run's checks go. Adapters only yield URLs; every request goes through src/http. */
export interface Target {
  /** How reproduction commands name it: `embedded`, `sandbox` or the URL given to `--target`. */
  readonly label: string;
  /** The prefix before `/v1/...`. */
  readonly baseUrl: string;
  /** The provider-state hook, or null with the reason in `stateUnavailableReason`. */
  readonly stateUrl: string | null;
  readonly stateUnavailableReason?: string;
  /** Problems found while opening the target that should make the run exit 2 (e.g. a broken `--state-url`). */
  readonly problems: readonly string[];
  /** The active seeded fault of the embedded reference. */
  readonly fault?: string;
  /** The choices the embedded reference runs with (reference/choices.ts); absent or empty: the default side. */
  readonly choices?: readonly string[];
  /** What the target sets in the checks' run configuration (live tokens, the transport policy, live settings). */
  readonly suiteConfig?: Partial<Pick<SuiteRunConfig, 'tokens' | 'transport' | 'live'>>;
  /** Stops what the adapter started; the sandbox target deletes what the run left (rejects naming what it could not). */
  close(): Promise<void>;
}

/** `--retries`, `--rate`, `--max-requests`: how requests are paced and bounded (src/http/policy.ts). */
export interface TransportOptions {
  readonly retries?: number;
  /** First back-off delay in ms (tests make it short). */
  readonly retryDelayMs?: number;
  readonly ratePerSecond?: number;
  readonly maxRequests?: number;
}

/** `--target sandbox`: the live service, the sandbox host unless `--production` chose a production region. */
export interface SandboxTargetSpec {
  readonly kind: 'sandbox';
  readonly host: LiveHost;
  readonly transport: TransportOptions;
  /** The report folder: the run's ledger is `<ledgerDir>/ledger-<runId>.jsonl` (src/live/ledger.ts). */
  readonly ledgerDir: string;
  /** `--allow-destructive --disposable-app APP_ID`; honoured only when APP_ID is the token's own app. */
  readonly disposableApp?: string;
}

export type TargetSpec =
  | {
      readonly kind: 'embedded';
      readonly fault?: string;
      /** `--choices`/`--choice`: the sides the reference takes on open points (reference/choices.ts). */
      readonly choices?: ChoicesSpec;
      readonly transport?: TransportOptions;
    }
  | { readonly kind: 'url'; readonly url: string; readonly transport?: TransportOptions }
  | SandboxTargetSpec;

export interface OpenTargetOptions {
  readonly spec: TargetSpec;
  /** An explicit `--state-url`. */
  readonly stateUrl?: string;
  /** An issuer run by the user (`--issuer`): the embedded reference then trusts its JWKS. */
  readonly issuerUrl?: string;
  readonly timeoutMs: number;
  readonly packageRoot: string;
  /** The run's id (names its live ledger); a fresh one when absent. */
  readonly runId?: string;
  /** Where live credentials are read (default: process.env). */
  readonly env?: Readonly<Record<string, string | undefined>>;
}
