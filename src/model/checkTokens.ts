import type { CheckCredential } from './checkCredential.js';
import type { AppFixture } from './fixtures.js';

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
 * other operations than the live token's is a live credential (src/model/checkCredential.ts): it goes out only on
 * operations that treat both alike (otherwise the check is skipped), so client and broken tokens are credentials
 * to send, not strings to decode or re-sign.
 */
export interface CheckTokens {
  /** ClientAccessToken of the app's client (docs/design.md §2.2). */
  client(options: TokenOptions): Promise<CheckCredential>;
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
  broken(kind: BrokenTokenKind, options: TokenOptions): Promise<CheckCredential>;
  /**
   * A valid client token of `options` (with `userId`: a user token of that user, through `options.clientId` or the
   * app's client) changed by exactly one mutation. Live mode skips: most mutations need the issuer's signing key.
   */
  mutated(mutation: TokenMutation, options: TokenOptions & { readonly userId?: string }): Promise<string>;
}
