import { afterEach, describe, expect, it, vi } from 'vitest';
import { BIG_BODY_BYTES, GC_EVERY_BYTES, noteBodyRead } from '../../src/http/bigBodyPacer.js';

describe('big-body pacer', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('collects once every GC_EVERY_BYTES of big bodies, never for small ones', () => {
    const gc = vi.fn();
    vi.stubGlobal('gc', gc);
    const small = BIG_BODY_BYTES - 1;
    for (let i = 0; i < 10_000; i++) noteBodyRead(small);
    expect(gc).not.toHaveBeenCalled();
    const big = 4 * 1024 * 1024;
    const perCollection = Math.ceil(GC_EVERY_BYTES / big);
    let collected = 0;
    for (let i = 0; i < 3 * perCollection; i++) if (noteBodyRead(big)) collected++;
    expect(collected).toBe(3);
    expect(gc).toHaveBeenCalledTimes(3);
  });

  it('does nothing where the process has no gc (not started with --expose-gc)', () => {
    vi.stubGlobal('gc', undefined);
    const results = Array.from({ length: 40 }, () => noteBodyRead(4 * 1024 * 1024));
    expect(results.every((r) => r === false)).toBe(true);
  });
});
