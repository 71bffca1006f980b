/**
 * Keeps a process's memory flat when a target answers big bodies (issue 14). Every answer of some MiB leaves several
 * copies of that size behind once a check has judged it (the read buffers, the text, the parsed JSON, the redacted
 * record), and V8 lets garbage pile up to a multiple of what is live before it collects: against 4 MiB answers a
 * worker reached 700 MB where 100 MB above a normal run was the target. So, where the process allows it (the vitest
 * workers run with `--expose-gc`), a full collection follows every GC_EVERY_BYTES of big bodies read. Small answers
 * never count: a normal run never collects on our account.
 */
export const BIG_BODY_BYTES = 512 * 1024;
export const GC_EVERY_BYTES = 48 * 1024 * 1024;

let sinceCollection = 0;

/** Notes a body just read; may run a full garbage collection (synchronously, some ms). Returns whether it did. */
export function noteBodyRead(bytes: number): boolean {
  if (bytes < BIG_BODY_BYTES) return false;
  sinceCollection += bytes;
  if (sinceCollection < GC_EVERY_BYTES) return false;
  sinceCollection = 0;
  const gc = (globalThis as { gc?: () => void }).gc;
  if (typeof gc !== 'function') return false;
  gc();
  return true;
}
