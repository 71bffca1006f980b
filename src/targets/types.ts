/** Where a run's checks go. Adapters only yield URLs; every request goes through src/http. */
export interface Target {
  /** How reproduction commands name it: `embedded` or the URL given to `--target`. */
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
  close(): Promise<void>;
}

export type TargetSpec =
  { readonly kind: 'embedded'; readonly fault?: string } | { readonly kind: 'url'; readonly url: string };

export interface OpenTargetOptions {
  readonly spec: TargetSpec;
  /** An explicit `--state-url`. */
  readonly stateUrl?: string;
  /** An issuer run by the user (`--issuer`): the embedded reference then trusts its JWKS. */
  readonly issuerUrl?: string;
  readonly timeoutMs: number;
  readonly packageRoot: string;
}
