/**
 * What authorizes a check's request: a bearer token as it is, or in live mode a client token the live tenant cannot
 * mint as asked. It travels with the request to the live auth wrapper around `send` (src/live/liveAuth.ts).
 */
export type CheckCredential = string | LiveClientCredential;

/**
 * A client token of other permissions than the live token's. Whether the live token can serve depends on where it
 * goes: under the any-of reading (docs/facts.md §1.5) a token's permissions matter to a request only through one
 * question — is it granted the request's operation? The same answer for the asked permissions and the live
 * token's → `token` goes out; a different answer → the check is skipped with the reason (it would judge the target
 * by a token the tenant cannot mint).
 */
export interface LiveClientCredential {
  readonly kind: 'live-client';
  /** The app of the live token (`[appId]` in an operation's permission list). */
  readonly appId: string;
  /** The permissions the check asked for, `[appId]` expanded. */
  readonly permissions: readonly string[];
  /** The live token's permissions. */
  readonly held: readonly string[];
  /** What goes out where both are granted alike: the live token, or a broken token made from it. */
  readonly token: string;
}

/** The bearer token a credential sends (where it may go out at all), or null for none. */
export function bearerOf(credential: CheckCredential | null | undefined): string | null {
  if (credential === null || credential === undefined) return null;
  return typeof credential === 'string' ? credential : credential.token;
}
