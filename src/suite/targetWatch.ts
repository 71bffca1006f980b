/**
 * How the main process learns, across vitest's worker processes, whether the target still answers, and how the
 * workers learn that the run is over (docs/decisions.md #41). One folder per run (`SuiteRunConfig.watchDir`):
 *
 * - each worker keeps `w-<pid>.json` = `{ answeredAt, waitingSince }` (epoch ms): when an HTTP answer (any status)
 *   last arrived, and since when a request of that worker has gone unanswered (written only once a request has
 *   been out for half a `--timeout`, so a healthy run writes a heartbeat at most every 50 ms per worker);
 * - the main process writes `stop` (its text: the reason) when the run ends early: interrupted, deadline, or the
 *   target stopped answering. A check that sends a request after that ends at once as `error` with the reason.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Send } from '../http/index.js';
import { CheckCouldNotRun } from '../model/checkSignals.js';

const STOP_FILE = 'stop';
const HEARTBEAT_MS = 50;

interface WorkerWatch {
  answeredAt: number | null;
  waitingSince: number | null;
}

/** Per worker process: the state it last wrote. */
let state: { dir: string; written: WorkerWatch; lastWriteAt: number; pending: number } | undefined;

function workerFile(dir: string): string {
  return join(dir, `w-${process.pid}.json`);
}

function write(dir: string, next: WorkerWatch): void {
  if (!state || state.dir !== dir) state = { dir, written: next, lastWriteAt: 0, pending: 0 };
  state.written = next;
  state.lastWriteAt = Date.now();
  try {
    writeFileSync(workerFile(dir), JSON.stringify(next));
  } catch {
    // The folder is gone: the run is over; nothing to tell.
  }
}

/** The reason the main process stopped the run, or undefined while it goes on. */
export function stopReason(watchDir: string): string | undefined {
  const file = join(watchDir, STOP_FILE);
  if (!existsSync(file)) return undefined;
  try {
    return readFileSync(file, 'utf8') || 'the run was stopped';
  } catch {
    return 'the run was stopped';
  }
}

/**
 * Wraps a check's send: refuses to send once the run is stopped, and tells the main process when answers arrive
 * and when a request has waited half a time-out without one.
 */
export function watchTarget(watchDir: string | undefined, timeoutMs: number, send: Send): Send {
  if (watchDir === undefined) return send;
  const dir = watchDir;
  return async (request) => {
    const reason = stopReason(dir);
    if (reason !== undefined) throw new CheckCouldNotRun(`not finished: ${reason}`);
    const sentAt = Date.now();
    const waiting = setTimeout(() => {
      const current = state?.dir === dir ? state.written : { answeredAt: null, waitingSince: null };
      const answeredLater = current.answeredAt !== null && current.answeredAt >= sentAt;
      const alreadyWaiting = current.waitingSince !== null && (current.answeredAt ?? 0) <= current.waitingSince;
      if (!answeredLater && !alreadyWaiting) write(dir, { ...current, waitingSince: sentAt });
    }, timeoutMs / 2);
    waiting.unref();
    try {
      const response = await send(request);
      answered(dir);
      return response;
    } finally {
      clearTimeout(waiting);
    }
  };
}

function answered(dir: string): void {
  const now = Date.now();
  const current = state?.dir === dir ? state.written : undefined;
  const wasWaiting = current?.waitingSince != null && (current.answeredAt ?? 0) <= current.waitingSince;
  if (!current || wasWaiting || now - (state?.lastWriteAt ?? 0) >= HEARTBEAT_MS) {
    write(dir, { answeredAt: now, waitingSince: null });
  }
}

/** Main process: ends the run for the workers; later requests fail at once with `reason`. */
export function signalStop(watchDir: string, reason: string): void {
  try {
    writeFileSync(join(watchDir, STOP_FILE), reason);
  } catch {
    // The folder is gone: the run is already over.
  }
}

/**
 * Main process: how long, at `now`, the workers have asked without any answer arriving (ms; 0 when nothing is
 * waiting). `since` is when watching began: nothing before it counts as silence.
 */
export function silenceMs(watchDir: string, since: number, now: number = Date.now()): number {
  const workers: WorkerWatch[] = [];
  let files: string[] = [];
  try {
    files = readdirSync(watchDir).filter((f) => f.startsWith('w-'));
  } catch {
    return 0;
  }
  for (const file of files) {
    try {
      workers.push(JSON.parse(readFileSync(join(watchDir, file), 'utf8')) as WorkerWatch);
    } catch {
      // Half-written: read again at the next tick.
    }
  }
  const lastAnswer = Math.max(since, ...workers.map((w) => w.answeredAt ?? 0));
  const waiting = workers
    .filter((w) => w.waitingSince !== null && w.waitingSince >= (w.answeredAt ?? 0))
    .map((w) => Math.max(w.waitingSince as number, lastAnswer));
  return waiting.length === 0 ? 0 : Math.max(0, now - Math.min(...waiting));
}
