import fc from 'fast-check';

/** A part of a schema that no value can satisfy (a branch whose types clash, an enum its type excludes, ...). */
export class UnsatisfiableSchemaError extends Error {
  constructor(message: string) {
    // Thrown and caught by the hundred while the mutator prunes branches: a stack trace is all of its cost.
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = limit;
  }
}
UnsatisfiableSchemaError.prototype.name = 'UnsatisfiableSchemaError';

/** Fixed, so compiling the same schema twice yields the same arbitrary (and the same values for a seed). */
const PROBE_SEED = 0x5eed;
const PROBE_RUNS = 24;

/**
 * `arb.filter(keep)`, unless a seeded probe finds no value that passes: then the filter would spin forever at
 * generation time, so this throws an `UnsatisfiableSchemaError` at compile time instead and the caller drops
 * that branch (or reports it, if nothing is left).
 */
export function filterOrDrop<T>(
  arb: fc.Arbitrary<T>,
  keep: (value: T) => boolean,
  what: string,
  runs = PROBE_RUNS,
): fc.Arbitrary<T> {
  // One value per seed, stopping at the first that passes: most filters pass at once, so this stays cheap.
  // Unbiased: the first value of a run is biased towards the same small shapes every time (e.g. every
  // optional member present), which would make a filter that passes half the time look like one that never does.
  const probe = fc.noBias(arb);
  for (let i = 0; i < runs; i++) {
    const [value] = fc.sample(probe, { numRuns: 1, seed: PROBE_SEED + i });
    if (keep(value as T)) return arb.filter(keep);
  }
  throw new UnsatisfiableSchemaError(`${what}: none of ${runs} probe values passes`);
}

/**
 * Builds every alternative, keeping those that do not throw `UnsatisfiableSchemaError`; rethrows anything else.
 * When none is left, throws an `UnsatisfiableSchemaError` naming `what` and each reason.
 */
export function satisfiable<T>(builders: readonly (() => T)[], what: string): T[] {
  const out: T[] = [];
  const reasons: string[] = [];
  for (const build of builders) {
    try {
      out.push(build());
    } catch (error) {
      if (!(error instanceof UnsatisfiableSchemaError)) throw error;
      reasons.push(error.message);
    }
  }
  if (out.length === 0)
    throw new UnsatisfiableSchemaError(reasons.length > 0 ? `${what}: ${reasons.join('; ')}` : what);
  return out;
}
