import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { appendLedgerEvent, LedgerFileError, pendingEntries, readLedger, startLedger } from '../../src/live/ledger.js';

const dir = mkdtempSync(join(tmpdir(), 'cis-ledger-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const at = '2026-03-01T00:00:00.000Z';
const header = { baseUrl: 'https://api.sbx.transmitsecurity.io/cis', tenant: 't1', app: 'a1', at };
const created = (id: string) =>
  ({ event: 'created', kind: 'client', id, app: 'a1', runId: 'r1', createdBy: 'contract/X/y', at }) as const;

describe('the ledger', () => {
  it('appends one JSON line per event and folds them into entries, done once a done event names them', () => {
    const file = join(dir, 'a.json');
    startLedger(file, header);
    appendLedgerEvent(file, created('c1'));
    appendLedgerEvent(file, created('c2'));
    appendLedgerEvent(file, {
      event: 'unconfirmed',
      kind: 'client',
      name: 'n-r1-1',
      app: 'a1',
      runId: 'r1',
      createdBy: 'k',
      reason: 'no answer (timeout)',
      at,
    });
    appendLedgerEvent(file, { event: 'done', kind: 'client', id: 'c1', outcome: 'deleted', by: 'check k', at });
    expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(5);
    const ledger = readLedger(file);
    expect(ledger.run).toMatchObject(header);
    expect(ledger.entries.map((e) => [e.id ?? e.name, e.done])).toEqual([
      ['c1', true],
      ['c2', false],
      ['n-r1-1', false],
    ]);
    appendLedgerEvent(file, {
      event: 'done',
      kind: 'client',
      id: 'x9',
      name: 'n-r1-1',
      outcome: 'deleted',
      by: 'cleanup',
      at,
    });
    expect(pendingEntries(readLedger(file)).map((e) => e.id)).toEqual(['c2']);
  });

  it('reads past a torn last line (a run killed mid-write) and names it', () => {
    const file = join(dir, 'b.json');
    startLedger(file, header);
    appendLedgerEvent(file, created('c1'));
    appendFileSync(file, '{"event":"created","kind":"cli');
    const ledger = readLedger(file);
    expect(ledger.entries).toHaveLength(1);
    expect(ledger.problems).toEqual([expect.stringMatching(/^line 3 is not a ledger event/)]);
  });

  it('refuses to start over a ledger that still lists resources, and over-writes a finished one', () => {
    const file = join(dir, 'c.json');
    startLedger(file, header);
    appendLedgerEvent(file, created('c1'));
    expect(() => startLedger(file, header)).toThrow(/lists 1 resource\(s\) an earlier run created.*cleanup --ledger/);
    appendLedgerEvent(file, { event: 'done', kind: 'client', id: 'c1', outcome: 'gone', by: 'cleanup', at });
    startLedger(file, { ...header, app: 'a2' });
    expect(readLedger(file)).toMatchObject({ run: { app: 'a2' }, entries: [] });
  });

  it('names a missing or unreadable ledger', () => {
    expect(() => readLedger(join(dir, 'none.json'))).toThrow(LedgerFileError);
    expect(() => readLedger(join(dir, 'none.json'))).toThrow(/none\.json: not found/);
    const garbage = join(dir, 'g.json');
    appendFileSync(garbage, 'not json\n');
    expect(() => readLedger(garbage)).toThrow(/holds no ledger event/);
  });
});
