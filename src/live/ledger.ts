/**
 * The ledger of a live run (docs/design.md §5): every resource the run created, and whether it is gone.
 * One file per run, `<report-dir>/ledger-<runId>.jsonl`, so runs sharing a report folder never touch each other's.
 * JSON Lines, append-only, one event per line, each append flushed to disk: a create is written `pending` (with the
 * name the run gave it) BEFORE it is sent and settled after (`created` with the id the server answered, or
 * `not-created`), so a run killed at any moment — even with a create in flight — leaves a ledger `cleanup` can
 * finish. Several worker processes write it at once (O_APPEND writes of one short line do not interleave).
 * Nothing secret goes in: kinds, ids, names, apps.
 */
import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';

/** The ledger of run `runId` in `dir`. */
export const ledgerFileOf = (dir: string, runId: string): string => join(dir, `ledger-${runId}.jsonl`);
/** Ledger file names: this run format, and `ledger.json` of versions before per-run ledgers. */
export const LEDGER_FILE_PATTERN = /^ledger-[A-Za-z0-9_-]+\.jsonl$|^ledger\.json$/;

/** Whether `name` carries the run's prefix (`<prefix>-<runId>-…`, made by `c.fixtures.id`). */
export const carriesRunPrefix = (name: string | undefined, runId: string): boolean =>
  name !== undefined && runId !== '' && name.includes(`-${runId}-`);

type Client = { readonly kind: 'client'; readonly app: string; readonly runId: string; readonly createdBy: string };

export type LedgerEvent =
  | {
      readonly event: 'run';
      /** The prefix before `/v1/...` the run worked on; `cleanup` refuses another one. */
      readonly baseUrl: string;
      readonly tenant: string;
      readonly app: string;
      readonly runId?: string;
      readonly at: string;
    }
  | (Client & {
      /** Written before the create is sent; `ref` ties the settling line to it. */
      readonly event: 'pending';
      readonly ref: string;
      readonly name?: string;
      readonly at: string;
    })
  | (Client & {
      readonly event: 'created';
      readonly ref?: string;
      readonly id: string;
      readonly name?: string;
      /** The answer named the client with the name sent (which carries the run's prefix): the id is the run's. */
      readonly checked?: boolean;
      readonly at: string;
    })
  | (Client & {
      /** A create whose answer did not say whether it worked (5xx, no id): it stays pending, resolved later by name. */
      readonly event: 'unconfirmed';
      readonly ref?: string;
      readonly name: string;
      readonly reason: string;
      readonly at: string;
    })
  | {
      /** The create was answered and did not create anything (a 4xx), or was never sent (budget). */
      readonly event: 'not-created';
      readonly ref: string;
      readonly reason: string;
      readonly at: string;
    }
  | {
      readonly event: 'done';
      readonly kind: 'client';
      readonly id?: string;
      readonly name?: string;
      /**
       * deleted: by the run or cleanup; gone: a delete answered 404; never-created: a pending create had not
       * happened; abandoned: cleanup cannot tell it from clients the run did not create (named in its report).
       */
      readonly outcome: 'deleted' | 'gone' | 'never-created' | 'abandoned';
      /** `check <id>`, `run`, or `cleanup`. */
      readonly by: string;
      readonly at: string;
    };

export interface LedgerEntry {
  readonly key: string;
  readonly kind: 'client';
  /** The id the server answered; absent while the create is pending (no answer, 5xx, no id). */
  readonly id?: string;
  /** The name the run gave it (carries the run's prefix when a fixture made it). */
  readonly name?: string;
  readonly app: string;
  readonly runId: string;
  readonly createdBy: string;
  readonly done: boolean;
  readonly outcome?: string;
  /** Why a create is still unconfirmed, when its answer said something. */
  readonly reason?: string;
  /** The create's answer named the client with the name sent (see the `created` event). */
  readonly checked?: boolean;
}

export interface Ledger {
  readonly run?: Extract<LedgerEvent, { event: 'run' }>;
  readonly entries: readonly LedgerEntry[];
  /** Lines that could not be read (a torn last line of a killed run), by line number. */
  readonly problems: readonly string[];
}

export class LedgerFileError extends Error {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`ledger ${file}: ${reason}`);
    this.name = 'LedgerFileError';
  }
}

/** A run must not start: a ledger in its report folder still lists resources (the message is one line). */
export class UnfinishedLedgerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnfinishedLedgerError';
  }
}

/** Appends one event and flushes it to disk. */
export function appendLedgerEvent(file: string, event: LedgerEvent): void {
  const fd = openSync(file, 'a');
  try {
    writeSync(fd, `${JSON.stringify(event)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export function readLedger(file: string): Ledger {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new LedgerFileError(file, code === 'ENOENT' ? 'not found' : `cannot be read (${code ?? String(error)})`);
  }
  const events: LedgerEvent[] = [];
  const problems: string[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    try {
      const event = JSON.parse(line) as LedgerEvent;
      if (typeof event !== 'object' || event === null || typeof event.event !== 'string') throw new Error('no event');
      events.push(event);
    } catch {
      problems.push(`line ${index + 1} is not a ledger event: ${JSON.stringify(line.slice(0, 80))}`);
    }
  });
  if (events.length === 0 && problems.length > 0) throw new LedgerFileError(file, 'holds no ledger event');
  return { ...foldLedger(events), problems };
}

/**
 * Later events win. A `pending` line opens an entry; `created` with its `ref` gives it the id, `not-created` closes
 * it; an entry is done once a `done` event names its id or (for a create still pending) its name.
 */
export function foldLedger(events: readonly LedgerEvent[]): Omit<Ledger, 'problems'> {
  let run: Ledger['run'];
  const entries: LedgerEntry[] = [];
  const byRef = new Map<string, number>();
  const update = (index: number, change: Partial<LedgerEntry>): void => {
    entries[index] = { ...(entries[index] as LedgerEntry), ...change };
  };
  const open = (event: Client & { ref?: string; id?: string; name?: string; checked?: boolean }): void => {
    const known = event.id !== undefined ? entries.findIndex((e) => e.id === event.id) : -1;
    if (known >= 0) return;
    if (event.ref !== undefined) byRef.set(event.ref, entries.length);
    entries.push({
      key:
        event.ref !== undefined
          ? `ref:${event.ref}`
          : event.id !== undefined
            ? `client:${event.id}`
            : `name:${event.name ?? ''}`,
      kind: event.kind,
      ...(event.id !== undefined ? { id: event.id } : {}),
      ...(event.name !== undefined ? { name: event.name } : {}),
      app: event.app,
      runId: event.runId,
      createdBy: event.createdBy,
      done: false,
      ...(event.checked !== undefined ? { checked: event.checked } : {}),
    });
  };
  for (const event of events) {
    const ref = 'ref' in event && event.ref !== undefined ? byRef.get(event.ref) : undefined;
    if (event.event === 'run') run = event;
    else if (event.event === 'pending') open(event);
    else if (event.event === 'created') {
      if (ref !== undefined) {
        update(ref, {
          id: event.id,
          ...(event.name !== undefined ? { name: event.name } : {}),
          ...(event.checked !== undefined ? { checked: event.checked } : {}),
        });
      } else open(event);
    } else if (event.event === 'unconfirmed') {
      if (ref !== undefined) update(ref, { reason: event.reason });
      else open({ ...event, ref: undefined }); // a ledger written before pending lines
    } else if (event.event === 'not-created') {
      if (ref !== undefined) update(ref, { done: true, outcome: 'not-created', reason: event.reason });
    } else if (event.event === 'done') {
      entries.forEach((entry, index) => {
        const byId = event.id !== undefined && entry.id === event.id;
        const byName = event.name !== undefined && entry.name === event.name;
        if (byId || byName) update(index, { done: true, outcome: event.outcome });
      });
    }
  }
  return { ...(run ? { run } : {}), entries };
}

export const pendingEntries = (ledger: Pick<Ledger, 'entries'>): LedgerEntry[] => ledger.entries.filter((e) => !e.done);

/** The ledgers in `dir` (this format and the older `ledger.json`), sorted; none when the folder does not exist. */
export function ledgersIn(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((name) => LEDGER_FILE_PATTERN.test(name))
    .sort()
    .map((name) => join(dir, name));
}

/**
 * The ledgers in `dir` that still list resources: each file with its number of unfinished entries. An unreadable
 * ledger counts as unfinished (what it lists is unknown).
 */
export function unfinishedLedgers(dir: string): { file: string; pending: number; problem?: string }[] {
  const out: { file: string; pending: number; problem?: string }[] = [];
  for (const file of ledgersIn(dir)) {
    try {
      if (!statSync(file).isFile()) continue;
      const pending = pendingEntries(readLedger(file)).length;
      if (pending > 0) out.push({ file, pending });
    } catch (error) {
      out.push({ file, pending: 0, problem: error instanceof Error ? error.message : String(error) });
    }
  }
  return out;
}

/** The one-line refusal of a run over unfinished ledgers, or undefined when it may start. */
export function unfinishedLedgersRefusal(dir: string): string | undefined {
  const unfinished = unfinishedLedgers(dir);
  if (unfinished.length === 0) return undefined;
  const first = unfinished[0] as { file: string; pending: number; problem?: string };
  const more = unfinished.length > 1 ? ` (and ${unfinished.length - 1} more ledger(s) there)` : '';
  if (first.problem !== undefined) {
    // `cleanup` cannot read it either: what it lists is unknown, so a person has to look.
    return `${first.problem}${more}; a run cannot tell what it lists: look at it, then move it out of ${dirOf(first.file)} or choose another --report-dir`;
  }
  const what = `${first.file} lists ${first.pending} resource(s) an earlier run created and did not delete`;
  return (
    `${what}${more}; finish it first with \`npx cis-conformance cleanup --ledger ${unfinished.length > 1 ? dirOf(first.file) : first.file}\` ` +
    '(same target flags as that run), or choose another --report-dir'
  );
}

const dirOf = (file: string): string => file.replace(/[\\/][^\\/]*$/, '');

/**
 * Starts a run's ledger. A ledger in the same folder with resources still listed is unfinished business (another
 * run's, or a killed one's): the run refuses to start over it rather than lose track of them.
 */
export function startLedger(file: string, header: Omit<Extract<LedgerEvent, { event: 'run' }>, 'event'>): void {
  const refusal = unfinishedLedgersRefusal(dirOf(file));
  if (refusal !== undefined) throw new UnfinishedLedgerError(refusal);
  if (existsSync(file)) throw new LedgerFileError(file, 'already exists (a run id used twice)');
  writeFileSync(file, `${JSON.stringify({ event: 'run', ...header })}\n`, { flag: 'wx' });
}
