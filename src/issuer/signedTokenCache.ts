/**
 * Signed tokens kept for reuse within one process: a check that sends fifty requests with the same token asks
 * for it fifty times, and an RS256 signature costs about 1.5 ms of CPU (measured on the project's 2-core machine),
 * a large share of a loopback run. Only tokens minted with default options are kept (issued now, the default
 * lifetime): a token asked for with its own times is minted afresh. A kept token is handed out only in the first
 * half of its lifetime, so every token a check sends has at least half of it left.
 */
export interface SignedTokenCache {
  /** The kept token for `key`, or the one `mint` signs (then kept). */
  get(key: string, mint: () => Promise<string>): Promise<string>;
  /** Tokens kept now. */
  readonly size: number;
}

export function createSignedTokenCache(options: {
  /** How long a token may be handed out again: half its lifetime. */
  readonly reuseMs: number;
  /** Entries kept at most; the oldest go first. */
  readonly maxEntries: number;
  readonly now?: () => number;
}): SignedTokenCache {
  const now = options.now ?? Date.now;
  const kept = new Map<string, { token: Promise<string>; mintedAt: number }>();
  return {
    get(key, mint) {
      const entry = kept.get(key);
      if (entry && now() - entry.mintedAt < options.reuseMs) return entry.token;
      if (entry) kept.delete(key);
      const token = mint();
      kept.set(key, { token, mintedAt: now() });
      // A failed signature is not kept: the next caller tries again.
      token.catch(() => kept.delete(key));
      while (kept.size > options.maxEntries) kept.delete(kept.keys().next().value as string);
      return token;
    },
    get size() {
      return kept.size;
    },
  };
}
