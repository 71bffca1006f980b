/**
 * The contract between the engine and the conformance suites in `suites/`.
 *
 * A suite file (`suites/<name>/*.suite.ts`) registers checks with `check(meta, fn)` from `src/suite/index.ts`.
 * Each check becomes one vitest test named `[REQUIREMENT-ID] title (cell)` and yields one CheckRecord.
 * Suites never import `reference/`, never open sockets themselves and never read process.env: everything
 * they need reaches them through `CheckContext`, built from the injected `SuiteRunConfig`.
 */
import type { CheckTokens } from '../model/checkTokens.js';
import type { CheckFamily } from '../model/families.js';
import type { AppFixture, ConsentFixture } from '../model/fixtures.js';
import type { SuiteRunConfig } from '../model/runConfig.js';
import type { SendRequest, TargetResponse } from '../model/targetExchange.js';
import type { Evidence } from '../model/verdict.js';

export type {
  BrokenTokenKind,
  CheckTokens,
  PublicKeyEncoding,
  TokenMutation,
  TokenOptions,
} from '../model/checkTokens.js';
export type { CheckCredential } from '../model/checkCredential.js';
export type { AppFixture, ConsentFixture } from '../model/fixtures.js';
export type { LiveRunSettings, SuiteRunConfig } from '../model/runConfig.js';
export type { SendRequest, TargetResponse } from '../model/targetExchange.js';

/** What a check declares about itself. `operation` and `family` default to those of the requirement. */
export interface CheckMeta {
  readonly requirement: string;
  readonly title: string;
  /** Matrix row label, e.g. `expired` or `apps:read only`. Makes the check id unique within its requirement. */
  readonly cell?: string;
  readonly family?: CheckFamily;
  /** Only to override the requirement's operation for cross-operation checks. */
  readonly operation?: string;
  /** Checks that need the state hook are skipped with its reason when there is none. */
  readonly needsStateHook?: boolean;
}

/** Options common to expectations: which requirement's evidence decides the severity of a violation. */
export interface ExpectOptions {
  /** Defaults to the check's own requirement. */
  readonly requirement?: string;
}

export interface CheckExpect {
  /** Status is one of `expected` (a number, a list, or `'2xx'`/`'4xx'`). */
  status(res: TargetResponse, expected: number | readonly number[] | '2xx' | '4xx', options?: ExpectOptions): void;
  /**
   * The JSON body validates against `schemas/<schemaFile>` (ajv, 2020-12). A body that is not JSON is an
   * `error` verdict (the target answered garbage), not a finding.
   */
  schema(res: TargetResponse, schemaFile: string, options?: ExpectOptions): void;
  /** Any other rule: `ok` false is a violation reported as "observed X, expected Y". */
  that(ok: boolean, detail: { readonly expected: string; readonly observed: string } & ExpectOptions): void;
}

export interface CheckFixtures {
  /** A fresh app in a fresh tenant (ids carry the run id), set up through the state hook when there is one. */
  app(options?: {
    readonly tenantId?: string;
    readonly name?: string;
    /** The app's id, e.g. another tenant's app with the id of one the check has; default a fresh one. */
    readonly appId?: string;
  }): Promise<AppFixture>;
  /** A consent through the state hook (`a consent exists`); skips the check when there is no hook. */
  consent(options: {
    readonly app: AppFixture;
    readonly clientId?: string;
    readonly userId: string;
    readonly scope?: string;
    readonly expiresAt?: number;
  }): Promise<ConsentFixture>;
  /** A run-unique id with a readable prefix (`<prefix>-<runId>-<n>`). */
  id(prefix: string): string;
}

export interface CheckContext {
  readonly config: SuiteRunConfig;
  /** The requirement's evidence level, from the catalog. */
  readonly evidence: Evidence;
  readonly seed: number;
  readonly runs: number;
  /** Sends through the recording, redacting client; every exchange lands in the check's record. */
  send(request: SendRequest): Promise<TargetResponse>;
  readonly tokens: CheckTokens;
  readonly fixtures: CheckFixtures;
  readonly expect: CheckExpect;
  /** Records what the target did for an `observation` requirement (no verdict). */
  observe(detail: { readonly requirement?: string; readonly question: string; readonly observed: string }): void;
  /** Ends the check as skipped, with its reason. */
  skip(reason: string): never;
  /** For property/stateful checks: remember fast-check's counterexample path for the reproduction. */
  setReplayPath(path: string): void;
}

export type CheckBody = (c: CheckContext) => Promise<void>;
