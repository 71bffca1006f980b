/**
 * The request gate shared by every process of a run. vitest runs suite files in separate worker processes, so an
 * in-memory counter would give each worker its own budget and its own rate. The state lives in a small JSON file;
 * a lock file (created with O_EXCL, which is atomic) makes each read-count-write step exclusive.
 */
import { closeSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import {
  admitRequest,
  budgetExhausted,
  INITIAL_GATE_STATE,
  type GateLimits,
  type GateState,
  type RequestGate,
} from './requestGate.js';
import { sleep } from './retry.js';

/** A lock older than this was left by a process that died holding it (the critical section takes microseconds). */
const STALE_LOCK_MS = 2_000;
const LOCK_WAIT_MS = 10_000;

/** Starts a run's gate afresh (a leftover file of an earlier run would carry its count). */
export function resetGateFile(file: string): void {
  writeFileSync(file, JSON.stringify(INITIAL_GATE_STATE));
  rmSync(`${file}.lock`, { force: true });
}

export function removeGateFile(file: string): void {
  rmSync(file, { force: true });
  rmSync(`${file}.lock`, { force: true });
}

export function createFileGate(file: string, limits: GateLimits, now: () => number = Date.now): RequestGate {
  return {
    limits,
    async admit(options = {}) {
      const result = await withFileLock(file, () => {
        const next = admitRequest(readState(file), limits, now(), options.exempt);
        if (next) writeFileSync(file, JSON.stringify(next.state));
        return next;
      });
      if (!result) throw budgetExhausted(limits, 'request');
      return result.admission;
    },
  };
}

/** The state, or a fresh one when the file is missing or torn (a crash between truncate and write). */
export function readState(file: string): GateState {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as Partial<GateState>;
    if (typeof data.count === 'number' && typeof data.nextSlotMs === 'number')
      return { count: data.count, nextSlotMs: data.nextSlotMs };
  } catch {
    // fall through
  }
  return INITIAL_GATE_STATE;
}

async function withFileLock<T>(file: string, fn: () => T): Promise<T> {
  const lock = `${file}.lock`;
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      closeSync(openSync(lock, 'wx'));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (lockAge(lock) > STALE_LOCK_MS) {
        rmSync(lock, { force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`the request gate ${file} stayed locked for ${LOCK_WAIT_MS} ms`);
      await sleep(1);
    }
  }
  try {
    return fn();
  } finally {
    rmSync(lock, { force: true });
  }
}

function lockAge(lock: string): number {
  try {
    return Date.now() - statSync(lock).mtimeMs;
  } catch {
    return 0; // gone meanwhile: try again
  }
}
