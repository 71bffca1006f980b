/**
 * The ledger of a live run (docs/design.md §5): every resource the run created, and whether it is gone.
 * JSON Lines, append-only, one event per line, each append flushed to disk before the create is reported back —
 * so several worker processes can write it at once (O_APPEND writes of one short line do not interleave) and a
 * run killed at any moment leaves a ledger `cleanup` can finish. Nothing secret goes in: kinds, ids, names, apps.
 */
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';

export const LEDGER_FILE = 'ledger.json';

export type LedgerEvent =
  | {
      readonly event: 'run';
      /** The prefix before `/v1/...` the run worked on; `cleanup` refuses another one. */
      readonly baseUrl: string;
      readonly tenant: string;
      readonly app: string;
      readonly at: string;
    }
  | {
      readonly event: 'created';
      readonly kind: 'client';
      readonly id: string;
      readonly app: string;
      readonly name?: string;
      readonly runId: string;
      /** The check (record id) whose request created it. */
      readonly createdBy: string;
      readonly at: string;
    }
  | {
      /** A create whose answer did not say whether it worked (time-out, 5xx, no id): resolved later by name. */
      readonly event: 'unconfirmed';
      readonly kind: 'client';
      readonly name: string;
      readonly app: string;
      readonly runId: string;
      readonly createdBy: string;
      readonly reason: string;
      readonly at: string;
    }
  | {
      readonly event: 'done';
      readonly kind: 'client';
      readonly id?: string;
      readonly name?: string;
      /** deleted: by the run or cleanup; gone: a delete answered 404; never-created: an unconfirmed create had not happened. */
      readonly outcome: 'deleted' | 'gone' | 'never-created';
      /** `check <id>`, `run`, or `cleanup`. */
      readonly by: string;
      readonly at: string;
    };

export interface LedgerEntry {
  readonly key: string;
  readonly kind: 'client';
  readonly id?: string;
  readonly name?: string;
  readonly app: string;
  readonly runId: string;
  readonly createdBy: string;
  readonly done: boolean;
  readonly outcome?: string;
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

const keyOf = (id: string | undefined, name: string | undefined): string =>
  id !== undefined ? `client:${id}` : `client-name:${name ?? ''}`;

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

/** Later events win: an entry is done once a `done` event names its id or (for unconfirmed creates) its name. */
export function foldLedger(events: readonly LedgerEvent[]): Omit<Ledger, 'problems'> {
  let run: Ledger['run'];
  const entries = new Map<string, LedgerEntry>();
  for (const event of events) {
    if (event.event === 'run') run = event;
    else if (event.event === 'created' || event.event === 'unconfirmed') {
      const id = event.event === 'created' ? event.id : undefined;
      const key = keyOf(id, event.name);
      if (!entries.has(key)) {
        entries.set(key, {
          key,
          kind: event.kind,
          ...(id !== undefined ? { id } : {}),
          ...(event.name !== undefined ? { name: event.name } : {}),
          app: event.app,
          runId: event.runId,
          createdBy: event.createdBy,
          done: false,
        });
      }
    } else if (event.event === 'done') {
      for (const key of [
        event.id !== undefined ? keyOf(event.id, undefined) : undefined,
        event.name !== undefined ? keyOf(undefined, event.name) : undefined,
      ]) {
        const entry = key !== undefined ? entries.get(key) : undefined;
        if (entry) entries.set(entry.key, { ...entry, done: true, outcome: event.outcome });
      }
    }
  }
  return { ...(run ? { run } : {}), entries: [...entries.values()] };
}

export const pendingEntries = (ledger: Pick<Ledger, 'entries'>): LedgerEntry[] => ledger.entries.filter((e) => !e.done);

/**
 * Starts a run's ledger. An existing ledger with resources still listed is another run's unfinished business:
 * the run refuses to start over it rather than lose track of them.
 */
export function startLedger(file: string, header: Omit<Extract<LedgerEvent, { event: 'run' }>, 'event'>): void {
  if (existsSync(file)) {
    const pending = pendingEntries(readLedger(file));
    if (pending.length > 0) {
      throw new LedgerFileError(
        file,
        `lists ${pending.length} resource(s) an earlier run created and did not delete; finish it first with ` +
          `\`npx cis-conformance cleanup --ledger ${file}\`, or choose another --report-dir`,
      );
    }
  }
  writeFileSync(file, `${JSON.stringify({ event: 'run', ...header })}\n`);
}
