import { existsSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createFileGate, readState, removeGateFile, resetGateFile } from '../../src/http/sharedGate.js';

const dir = mkdtempSync(join(tmpdir(), 'cis-gate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the file gate (shared by the processes of a run)', () => {
  it('gives two gates on one file one count, one budget and one schedule', async () => {
    const file = join(dir, 'a.json');
    resetGateFile(file);
    const now = () => 1000;
    const a = createFileGate(file, { ratePerSecond: 10, maxRequests: 3 }, now);
    const b = createFileGate(file, { ratePerSecond: 10, maxRequests: 3 }, now);
    expect(await a.admit()).toEqual({ count: 1, waitMs: 0 });
    expect(await b.admit()).toEqual({ count: 2, waitMs: 100 });
    expect(await a.admit()).toEqual({ count: 3, waitMs: 200 });
    await expect(b.admit()).rejects.toMatchObject({ kind: 'budget' });
    expect((await b.admit({ exempt: true })).count).toBe(4);
  });

  it('hands out unique counts to many concurrent callers', async () => {
    const file = join(dir, 'b.json');
    resetGateFile(file);
    const gates = Array.from({ length: 4 }, () => createFileGate(file, { maxRequests: 1000 }));
    const counts = await Promise.all(Array.from({ length: 40 }, (_, i) => gates[i % 4]?.admit().then((x) => x.count)));
    expect(new Set(counts).size).toBe(40);
    expect(readState(file).count).toBe(40);
  });

  it('breaks a stale lock left by a dead process, starts afresh from a torn file, and is removed', async () => {
    const file = join(dir, 'c.json');
    writeFileSync(file, '{"count": 7, "nextSl');
    writeFileSync(`${file}.lock`, '');
    const old = new Date(Date.now() - 60_000);
    utimesSync(`${file}.lock`, old, old);
    expect((await createFileGate(file, { maxRequests: 5 }).admit()).count).toBe(1);
    removeGateFile(file);
    expect(existsSync(file) || existsSync(`${file}.lock`)).toBe(false);
  });
});
