import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  appendLedgerEvent,
  ledgerFileOf,
  LedgerFileError,
  ledgersIn,
  pendingEntries,
  readLedger,
  startLedger,
  unfinishedLedgersRefusal,
} from '../../src/live/ledger.js';

const dir = mkdtempSync(join(tmpdir(), 'cis-ledger-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const at = '2026-03-01T00:00:00.000Z';
const header = { baseUrl: 'https://api.sbx.transmitsecurity.io/cis', tenant: 't1', app: 'a1', at };
const created = (id: string) =>
  ({ event: 'created', kind: 'client', id, app: 'a1', runId: 'r1', createdBy: 'contract/X/y', at }) as const;

describe('the ledger', () => {
  it('appends one JSON line per event and folds them into entries, done once a done event names them', () => {
    const file = join(dir, 'ledger-a.jsonl');
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
    const file = join(mkdtempSync(join(dir, 'b')), 'ledger-b.jsonl');
    startLedger(file, header);
    appendLedgerEvent(file, created('c1'));
    appendFileSync(file, '{"event":"created","kind":"cli');
    const ledger = readLedger(file);
    expect(ledger.entries).toHaveLength(1);
    expect(ledger.problems).toEqual([expect.stringMatching(/^line 3 is not a ledger event/)]);
  });

  it('opens an entry with the pending line, gives it the answered id, or closes it when nothing was created', () => {
    const file = join(mkdtempSync(join(dir, 'p')), 'ledger-r1.jsonl');
    startLedger(file, header);
    const client = { kind: 'client', app: 'a1', runId: 'r1', createdBy: 'k', at } as const;
    appendLedgerEvent(file, { event: 'pending', ...client, ref: 'k#1', name: 'c-r1-1' });
    appendLedgerEvent(file, { event: 'pending', ...client, ref: 'k#2', name: 'c-r1-2' });
    appendLedgerEvent(file, { event: 'pending', ...client, ref: 'k#3', name: 'c-r1-3' });
    expect(pendingEntries(readLedger(file)).map((e) => [e.name, e.id])).toEqual([
      ['c-r1-1', undefined],
      ['c-r1-2', undefined],
      ['c-r1-3', undefined],
    ]);
    appendLedgerEvent(file, { event: 'created', ...client, ref: 'k#1', id: 'srv1', name: 'c-r1-1' });
    appendLedgerEvent(file, { event: 'not-created', ref: 'k#2', reason: 'answered 400', at });
    appendLedgerEvent(file, {
      event: 'unconfirmed',
      ...client,
      ref: 'k#3',
      name: 'c-r1-3',
      reason: 'no answer (timeout)',
    });
    const entries = readLedger(file).entries;
    expect(entries).toHaveLength(3);
    expect(entries.map((e) => [e.name, e.id, e.done, e.outcome, e.reason])).toEqual([
      ['c-r1-1', 'srv1', false, undefined, undefined],
      ['c-r1-2', undefined, true, 'not-created', 'answered 400'],
      ['c-r1-3', undefined, false, undefined, 'no answer (timeout)'],
    ]);
  });

  it("refuses to start while any ledger in the folder lists resources, whoever's it is; finished ones do not count", () => {
    const folder = mkdtempSync(join(dir, 'c'));
    const first = ledgerFileOf(folder, 'run00001');
    expect(first).toBe(join(folder, 'ledger-run00001.jsonl'));
    startLedger(first, header);
    appendLedgerEvent(first, created('c1'));
    writeFileSync(join(folder, 'ledger-notes.txt'), 'not a ledger');
    expect(ledgersIn(folder)).toEqual([first]);
    expect(() => startLedger(ledgerFileOf(folder, 'run00002'), header)).toThrow(
      /ledger-run00001\.jsonl lists 1 resource\(s\) an earlier run created and did not delete; finish it first with `npx cis-conformance cleanup --ledger .*ledger-run00001\.jsonl`/,
    );
    appendLedgerEvent(first, { event: 'done', kind: 'client', id: 'c1', outcome: 'gone', by: 'cleanup', at });
    expect(unfinishedLedgersRefusal(folder)).toBeUndefined();
    startLedger(ledgerFileOf(folder, 'run00002'), { ...header, app: 'a2' });
    expect(readLedger(ledgerFileOf(folder, 'run00002'))).toMatchObject({ run: { app: 'a2' }, entries: [] });
    expect(() => startLedger(ledgerFileOf(folder, 'run00002'), header)).toThrow(/already exists/);
    // A ledger of the older name still counts, and a pending create (no id yet) is unfinished business too.
    const legacy = mkdtempSync(join(dir, 'legacy'));
    appendLedgerEvent(join(legacy, 'ledger.json'), {
      event: 'pending',
      kind: 'client',
      ref: 'k#1',
      name: 'n-r1-1',
      app: 'a1',
      runId: 'r1',
      createdBy: 'k',
      at,
    });
    expect(unfinishedLedgersRefusal(legacy)).toMatch(/ledger\.json lists 1 resource/);
    mkdirSync(join(legacy, 'ledger-x.jsonl'));
    expect(unfinishedLedgersRefusal(legacy)).toMatch(/^\S*ledger\.json lists 1 resource\(s\)[^\n]*--report-dir$/);
    expect(unfinishedLedgersRefusal(join(dir, 'no-such-folder'))).toBeUndefined();
    // An unreadable ledger blocks too, but the way out is a person's look, not `cleanup` (which cannot read it).
    const torn = mkdtempSync(join(dir, 'torn'));
    writeFileSync(join(torn, 'ledger-t1.jsonl'), '{"event":"pend');
    expect(unfinishedLedgersRefusal(torn)).toMatch(
      /ledger-t1\.jsonl: holds no ledger event; a run cannot tell what it lists: look at it, then move it out of/,
    );
  });

  it('names a missing or unreadable ledger', () => {
    expect(() => readLedger(join(dir, 'none.jsonl'))).toThrow(LedgerFileError);
    expect(() => readLedger(join(dir, 'none.jsonl'))).toThrow(/none\.jsonl: not found/);
    const garbage = join(dir, 'g.json');
    appendFileSync(garbage, 'not json\n');
    expect(() => readLedger(garbage)).toThrow(/holds no ledger event/);
  });
});
