/**
 * fast-check properties inside a check. The property runs `c.runs` cases (scaled by `runsShare`) from the run
 * seed; expectations made inside a case are collected, not recorded, so that the shrinking steps leave no trace:
 * only the final, shrunk counterexample becomes ONE finding, with fast-check's counterexample path in the
 * record (`c.setReplayPath`) and in a replay command that re-runs exactly that case.
 */
import fc from 'fast-check';
import { isTargetError } from '../http/errors.js';
import { shellWord } from '../http/shellQuote.js';
import { createExpect } from './expect.js';
import { CheckOutcome, type Expectation, type RuleRef } from './outcome.js';
import { reproductionCommand } from './reproduction.js';
import { servicesFor } from './services.js';
import { CheckCouldNotRun, CheckSkipped, CheckStopped, findSignal } from '../model/checkSignals.js';
import type { CheckContext, CheckExpect } from './types.js';

export interface PropertyOptions {
  /** The check's own requirement id: the replay command selects the check with `--check`. */
  readonly requirement: string;
  /** numRuns = round(c.runs × runsShare), at least 1 and at least the number of examples. Default 1. */
  readonly runsShare?: number;
}

export interface ValuePropertyOptions<T> extends PropertyOptions {
  readonly arbitrary: fc.Arbitrary<T>;
  /** Cases tried before the generated ones (numRuns grows to hold them all), e.g. the likeliest to break the rule. */
  readonly examples?: readonly T[];
  /** One case. Judge through `expect` (same API as `c.expect`); the first violation fails the case. */
  readonly predicate: (value: T, expect: CheckExpect) => Promise<void>;
  /** How a counterexample reads in the finding. Default: fast-check's stringify, shortened. */
  readonly describe?: (value: T) => string;
}

export interface ModelPropertyOptions<Model extends object, Real> extends PropertyOptions {
  readonly commands: ReadonlyArray<fc.Arbitrary<fc.AsyncCommand<Model, Real>>>;
  readonly maxCommands: number;
  /** A fresh model and real system for one sequence; the real side judges through `expect`. */
  readonly setup: (expect: CheckExpect) => Promise<{ model: Model; real: Real }>;
}

/** Runs a property over generated values (see the file comment). */
export function checkProperty<T>(c: CheckContext, options: ValuePropertyOptions<T>): Promise<void> {
  const describe = options.describe ?? ((value: T) => shorten(fc.stringify(value), 400));
  return runCollected<[T]>(c, options, () => ({
    property: (body) =>
      fc.asyncProperty(options.arbitrary, (value) => body([value], (e) => options.predicate(value, e))),
    describe: ([value]) => describe(value),
    replayToken: (path) => path,
    examples: (options.examples ?? []).map((value): [T] => [value]),
  }));
}

/**
 * Model-based testing: `fc.commands` run by `fc.asyncModelRun`. A failure reads as the numbered commands of the
 * shrunk sequence; its replay token carries the commands' own replay path (`<path>@<commands replayPath>`),
 * without which fast-check cannot walk a commands shrink path again.
 */
export function checkModel<Model extends object, Real>(
  c: CheckContext,
  options: ModelPropertyOptions<Model, Real>,
): Promise<void> {
  type Cmds = Iterable<fc.AsyncCommand<Model, Real>>;
  // Each command is described right after it ran, so it may name what it resolved then (`get #2`, not `get slot 7`);
  // the steps of the last failing sequence are the shrunk counterexample's.
  let steps: string[] = [];
  let failedSteps: string[] = [];
  const logged = options.commands.map((arbitrary) =>
    arbitrary.map((cmd): fc.AsyncCommand<Model, Real> => ({
      check: (model) => cmd.check(model),
      run: async (model, real) => {
        try {
          await cmd.run(model, real);
        } finally {
          steps.push(String(cmd));
        }
      },
      toString: () => String(cmd),
    })),
  );
  return runCollected<[Cmds]>(c, options, (replay) => {
    const commands = fc.commands(logged, {
      maxCommands: options.maxCommands,
      ...(replay?.commands !== undefined ? { replayPath: replay.commands } : {}),
    });
    return {
      property: (body) =>
        fc.asyncProperty(commands, (cmds) =>
          body([cmds], async (e) => {
            steps = [];
            try {
              await fc.asyncModelRun(() => options.setup(e), cmds);
            } catch (error) {
              failedSteps = steps;
              throw error;
            }
          }),
        ),
      describe: () => describeSteps(failedSteps),
      replayToken: (path, [cmds]) => `${path}@${/replayPath="([^"]*)"/.exec(String(cmds))?.[1] ?? ''}`,
    };
  });
}

interface Replay {
  readonly path: string;
  readonly commands?: string;
}

interface PropertyPlan<Ts extends unknown[]> {
  /** Builds the property; `body` wraps each case so its expectations are collected. */
  property(body: (args: Ts, run: (expect: CheckExpect) => Promise<void>) => Promise<void>): fc.IAsyncProperty<Ts>;
  describe(args: Ts): string;
  replayToken(path: string, args: Ts): string;
  readonly examples?: Ts[];
}

/** A violated expectation inside a case: fails the case (so fast-check shrinks) without touching the record. */
class CaseViolation extends Error {
  constructor(
    readonly rule: string,
    readonly expectation: Expectation,
  ) {
    super(`${rule}: observed ${expectation.observed}, expected ${expectation.expected}`);
    this.name = 'CaseViolation';
  }
}

/** Collects one case's expectations: met ones for the record's coverage, the first violation as a throw. */
class CaseOutcome extends CheckOutcome {
  constructor(private readonly metRules: Map<string, Expectation>) {
    super(false, 'property-case');
  }
  override met(rule: RuleRef, expectation: Expectation): void {
    if (!this.metRules.has(rule.id)) this.metRules.set(rule.id, expectation);
  }
  override violated(rule: RuleRef, expectation: Expectation): void {
    throw new CaseViolation(rule.id, expectation);
  }
}

async function runCollected<Ts extends unknown[]>(
  c: CheckContext,
  options: PropertyOptions,
  plan: (replay: Replay | undefined) => PropertyPlan<Ts>,
): Promise<void> {
  const { schemas, catalog } = await servicesFor(c.config);
  // A case's rule carries its catalog evidence: a body check routes inferred schema constraints by it (expect.ts).
  const evidenceOf = (id: string): RuleRef['evidence'] =>
    catalog.requirements.find((r) => r.id === id)?.evidence ?? 'documented';
  const replay = parseReplay(c.config.replayPath);
  const metRules = new Map<string, Expectation>();
  // Set-up refusals, skips and transport failures end the check at once: shrinking them would prove nothing.
  let aborted: unknown;
  let lastFailure: { args: Ts; error: unknown } | undefined;
  const built = plan(replay);
  const property = built.property(async (args, run) => {
    if (aborted !== undefined) return;
    const caseRule = (o?: { requirement?: string }): RuleRef => {
      const id = o?.requirement ?? options.requirement;
      return { id, operation: '', evidence: evidenceOf(id) };
    };
    try {
      await run(createExpect(new CaseOutcome(metRules), caseRule, schemas));
    } catch (error) {
      if (endsTheCheck(error)) {
        aborted = error;
        return;
      }
      lastFailure = { args, error };
      throw error;
    }
  });
  // fast-check counts examples within numRuns: every example runs, whatever the share, before the generated cases.
  const numRuns = Math.max(1, Math.round(c.runs * (options.runsShare ?? 1)), built.examples?.length ?? 0);
  let details: fc.RunDetails<Ts>;
  try {
    details = await fc.check(property, {
      seed: c.seed,
      numRuns,
      ...(built.examples?.length ? { examples: built.examples } : {}),
      ...(replay ? { path: replay.path, endOnFailure: true } : {}),
    });
  } catch (error) {
    throw new CheckCouldNotRun(
      `fast-check could not run the property${replay ? ` on replay path ${replay.path}` : ''}: ${String(error)}`,
    );
  }
  // An abort after a failure was found only cut the shrinking short: the failure is still the finding.
  if (aborted !== undefined && !details.failed) throw aborted;
  for (const [requirement, met] of metRules) c.expect.that(true, { requirement, ...met });
  if (!details.failed) return;

  const args = details.counterexample ?? lastFailure?.args;
  const path = details.counterexamplePath;
  if (!args || path === null || !lastFailure) {
    throw new CheckCouldNotRun(`the property failed without a counterexample: ${String(details.errorInstance)}`);
  }
  const token = built.replayToken(path, args);
  c.setReplayPath(token);
  const where = [
    `counterexample${details.numShrinks > 0 ? ` (shrunk ${details.numShrinks} times)` : ''}: ${built.describe(args)}`,
    `seed ${c.seed}, replay path ${token}`,
    `replay: ${reproductionCommand(c.config, options.requirement)} --replay-path ${shellWord(token)}`,
  ].join('; ');
  const error = lastFailure.error;
  if (error instanceof CaseViolation) {
    const { expected, observed } = error.expectation;
    c.expect.that(false, { requirement: error.rule, observed, expected: `${expected} — ${where}` });
    return;
  }
  const crash = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  throw new CheckCouldNotRun(`the property crashed (${crash}) — ${where}`);
}

function endsTheCheck(error: unknown): boolean {
  if (findSignal(error, CheckSkipped) || findSignal(error, CheckCouldNotRun) || findSignal(error, CheckStopped)) {
    return true;
  }
  for (let current = error, depth = 0; current instanceof Error && depth < 8; depth++) {
    if (isTargetError(current)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/** `--replay-path` value: fast-check's path, then `@` and the commands' replay path for model-based checks. */
function parseReplay(token: string | undefined): Replay | undefined {
  if (token === undefined || token === '') return undefined;
  const at = token.indexOf('@');
  return at < 0 ? { path: token } : { path: token.slice(0, at), commands: token.slice(at + 1) };
}

/** The commands that ran, numbered: `1. create #1 {} → 2. get #1`. */
function describeSteps(steps: readonly string[]): string {
  const numbered = steps.map((step, i) => `${i + 1}. ${step}`).join(' → ');
  return `${steps.length} command${steps.length === 1 ? '' : 's'}: ${numbered}`;
}

function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
