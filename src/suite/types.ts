/**
 * The contract between the engine and the conformance suites in `suites/`.
 *
 * A suite file (`suites/<name>/*.suite.ts`) registers checks with `check(meta, fn)` from `src/suite/index.ts`.
 * Each check becomes one vitest test named `[REQUIREMENT-ID] title (cell)` and yields one CheckRecord.
 * Suites never import `reference/`, never open sockets themselves and never read process.env: everything
 * they need reaches them through `CheckContext`, built from the injected `SuiteRunConfig`.
 */
import type { TransportPolicy } from '../http/policy.js';
import type { CheckFamily } from '../model/families.js';
import type { Evidence } from '../model/verdict.js';

/** Live mode (the Transmit sandbox, or production by explicit choice): docs/design.md §5. */
export interface LiveRunSettings {
  /** `<report-dir>/ledger.json`: every resource the run created (src/live/ledger.ts). */
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
  /** Retries, rate limit and request budget of every request (src/http/policy.ts); absent: none. */
  readonly transport?: TransportPolicy;
  /** Set in live mode only. */
  readonly live?: LiveRunSettings;
}

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

export interface AppFixture {
  readonly tenantId: string;
  readonly appId: string;
  readonly appName: string;
  /** The app's default client (created with the app). */
  readonly clientId: string;
}

export interface ConsentFixture {
  readonly consent_id: string;
  readonly tenant_id: string;
  readonly app_id: string;
  readonly client_id: string;
  readonly user_id: string;
  readonly scope: string;
  readonly created_at: number;
  readonly expires_at: number;
  readonly updated_at: number;
}

/** The defective token kinds of the token-type matrix. */
export type BrokenTokenKind =
  'malformed' | 'forged-signature' | 'alg-none' | 'expired' | 'not-yet-valid' | 'wrong-issuer' | 'wrong-audience';

/** How the trusted public key is turned into an HMAC secret by a verifier open to algorithm confusion. */
export type PublicKeyEncoding = 'spki-pem' | 'pkcs1-pem' | 'spki-der' | 'jwk-json';

/**
 * One change to an otherwise valid token (src/issuer/tokenMutations.ts): one header field, one claim, or how it is
 * signed. Times are relative to the moment of minting, so a replayed case means the same thing.
 */
export type TokenMutation =
  /** Header `alg` HS256/384/512, the HMAC keyed with the bytes of the trusted public key (algorithm confusion). */
  | { readonly kind: 'hmac-public-key'; readonly alg: 'HS256' | 'HS384' | 'HS512'; readonly secret: PublicKeyEncoding }
  /** Header `alg` a spelling of `none`; the signature segment emptied, or the original one kept. */
  | { readonly kind: 'unsigned'; readonly alg: string; readonly keepSignature: boolean }
  /** Signed by a key the target does not trust, with one header field saying where the key is. */
  | { readonly kind: 'untrusted-key'; readonly header: 'kid-unknown' | 'kid-absent' | 'jku' | 'x5u' | 'jwk' }
  /** `exp` this many seconds from now (negative: in the past), `iat` an hour before it. */
  | { readonly kind: 'expires'; readonly inSeconds: number }
  /** `nbf` this many seconds from now. */
  | { readonly kind: 'not-before'; readonly inSeconds: number }
  /** One claim set to `value`, or removed when `value` is absent. */
  | { readonly kind: 'claim'; readonly name: string; readonly value?: unknown };

export interface TokenOptions {
  readonly app: AppFixture;
  /** Permission strings; `[appId]` is replaced by `app.appId` (e.g. `[appId]:read`). Default: none. */
  readonly permissions?: readonly string[];
  /** Override the client id in `sub`/`client_id` (default: the app's default client). */
  readonly clientId?: string;
}

/**
 * Test tokens. Live mode (`--target sandbox`, src/live/checkTokens.ts) gives the tenant's real tokens instead, and
 * skips the check with the reason where it cannot mint what is asked. A client token whose permissions are granted
 * other operations than the live token's is a stand-in: the live token goes out in its place only on operations
 * that treat both alike (otherwise the check is skipped), so send it as it is — do not decode or re-sign it.
 */
export interface CheckTokens {
  /** ClientAccessToken of the app's client (claims layout of docs/design.md §2.2). */
  client(options: TokenOptions): Promise<string>;
  /** AdminAccessToken of a management app in the same tenant (`Admin` in `roles` and `role`). */
  admin(options: {
    readonly app: AppFixture;
    /**
     * Put into its `ts_permissions` (`[appId]` = `app.appId`). A management app holds none; a check about the token
     * type gives it the operation's list, so a refusal can only be for the type. Live mode: the live token as it is.
     */
    readonly permissions?: readonly string[];
  }): Promise<string>;
  /** UserAccessToken for `userId` through the app's client. */
  user(options: {
    readonly app: AppFixture;
    readonly userId: string;
    readonly clientId?: string;
    /**
     * The check does not depend on whose token it is (e.g. a user token on a Clients operation). A live run cannot
     * mint a token for `userId`; with this it may use its one configured user token instead of skipping.
     */
    readonly anyUser?: boolean;
  }): Promise<string>;
  /** A token that is valid in every respect but the named one (based on a client token of `options`). */
  broken(kind: BrokenTokenKind, options: TokenOptions): Promise<string>;
  /**
   * A valid client token of `options` (with `userId`: a user token of that user, through `options.clientId` or the
   * app's client) changed by exactly one mutation. Live mode skips: most mutations need the issuer's signing key.
   */
  mutated(mutation: TokenMutation, options: TokenOptions & { readonly userId?: string }): Promise<string>;
}

export interface SendRequest {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
  /** Path below the base URL, already filled in, e.g. `/v1/clients/abc`. Path ids are URI-encoded by the caller. */
  readonly path: string;
  readonly query?: Readonly<Record<string, string | undefined>>;
  /** Bearer token; null or absent sends no Authorization header. */
  readonly token?: string | null;
  /** JSON body (serialized with content-type application/json). */
  readonly body?: unknown;
  /** Raw body, sent as is (with `headers['content-type']` if given). Excludes `body`. */
  readonly rawBody?: string | Buffer;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface TargetResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly text: string;
  /** Parsed JSON body, or undefined when the body is empty or not JSON (see `jsonError`). */
  readonly json: unknown;
  readonly jsonError?: string;
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
