/**
 * A request's time-out that charges the target only for time this process could have read its answer. With checks
 * running concurrently (`--concurrency`), one check's own work — compiling a schema on first use, generating
 * cases, validating a large body — can hold the event loop for a while; a plain timer that fires after such a stretch
 * would blame the target for an answer that was already waiting on the socket. So: a timer that fires late (the loop
 * was busy) is re-armed for the time it was late, up to `ms` more in all, and the abort itself waits for one turn of
 * the loop so pending I/O is read first.
 */
const LATE_MS = 20;

export interface TargetTimeout {
  readonly signal: AbortSignal;
  clear(): void;
}

export function targetTimeout(ms: number): TargetTimeout {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let immediate: NodeJS.Immediate | undefined;
  let givenBack = 0;
  const arm = (delay: number): void => {
    const expected = performance.now() + delay;
    timer = setTimeout(() => {
      const late = performance.now() - expected;
      if (late > LATE_MS && givenBack < ms) {
        const more = Math.min(late, ms - givenBack);
        givenBack += more;
        return arm(more);
      }
      immediate = setImmediate(() =>
        controller.abort(new DOMException(`no complete response within ${ms} ms`, 'TimeoutError')),
      );
    }, delay);
  };
  arm(ms);
  return {
    signal: controller.signal,
    clear: () => {
      clearTimeout(timer);
      if (immediate) clearImmediate(immediate);
    },
  };
}
