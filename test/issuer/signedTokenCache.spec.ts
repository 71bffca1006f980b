import { describe, expect, it } from 'vitest';
import { createSignedTokenCache } from '../../src/issuer/signedTokenCache.js';

describe('signed token cache', () => {
  const counting = () => {
    let minted = 0;
    return { mint: async () => `token-${++minted}`, minted: () => minted };
  };

  it('signs a key once and hands the same token out while it is in the first half of its lifetime', async () => {
    let now = 0;
    const cache = createSignedTokenCache({ reuseMs: 1_800_000, maxEntries: 10, now: () => now });
    const signer = counting();
    expect(await cache.get('client|a', signer.mint)).toBe('token-1');
    now = 1_799_999;
    expect(await cache.get('client|a', signer.mint)).toBe('token-1');
    expect(await cache.get('client|b', signer.mint)).toBe('token-2');
    now = 1_800_000;
    expect(await cache.get('client|a', signer.mint)).toBe('token-3');
    expect(signer.minted()).toBe(3);
  });

  it('keeps at most maxEntries, dropping the oldest', async () => {
    const cache = createSignedTokenCache({ reuseMs: 60_000, maxEntries: 2 });
    const signer = counting();
    await cache.get('a', signer.mint);
    await cache.get('b', signer.mint);
    await cache.get('c', signer.mint);
    expect(cache.size).toBe(2);
    expect(await cache.get('a', signer.mint)).toBe('token-4');
  });

  it('does not keep a signature that failed', async () => {
    const cache = createSignedTokenCache({ reuseMs: 60_000, maxEntries: 2 });
    await expect(cache.get('a', () => Promise.reject(new Error('no key')))).rejects.toThrow('no key');
    await Promise.resolve();
    expect(await cache.get('a', async () => 'fresh')).toBe('fresh');
  });
});
