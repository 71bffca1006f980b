/**
 * Control flow inside a check body. Thrown by the context (and the live tokens and transport it uses), caught by
 * src/suite/runCheck.ts; a suite author never throws them directly (they use `c.skip`, `c.expect`).
 */

/** A failed expectation whose verdict is `failed`: the check stops here. */
export class CheckStopped extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CheckStopped';
  }
}

/** `c.skip(reason)`, or a capability the run lacks (no state hook, sandbox tokens). */
export class CheckSkipped extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'CheckSkipped';
  }
}

/** The check could not reach its point: garbage where JSON was expected, a failing state hook. */
export class CheckCouldNotRun extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'CheckCouldNotRun';
  }
}

/** Finds one of our signals, also when fast-check or another library wrapped it as `cause`. */
export function findSignal<T extends Error>(error: unknown, type: new (...args: never[]) => T): T | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 8 && current instanceof Error; depth++) {
    if (current instanceof type) return current;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
