import { choiceSet, flippedBy } from '../../reference/choices.js';
import { FAULTS, type Fault } from '../../reference/faults.js';
import { findPackageRoot, listSuites, type RunConfig } from '../engine/index.js';
import { packageVersion } from '../engine/packageRoot.js';
import { brokenRules } from '../model/findings.js';
import type { RequirementCatalog } from '../model/requirement.js';
import { loadCatalog } from '../catalog/catalog.js';
import { coverageOf, judgedStrict, targetedPlan, type Coverage } from './plan.js';
import { tallyRun } from './tallyRun.js';
import type { FaultOutcome, KillAttempt, MutantsConfig, MutantsProgress, MutantsReport, RunTally } from './types.js';

export interface MutantsRunOptions {
  readonly packageRoot?: string;
  /** vitest workers per run; default vitest's (cores - 1). */
  readonly maxWorkers?: number;
  /** Ctrl-C: the run in progress is cancelled and no further fault is run. */
  readonly stopSignal?: Promise<void>;
  readonly onProgress?: (progress: MutantsProgress) => void;
}

/** What every fault's runs share: the selection, the clean run's coverage and the catalog. */
export interface FaultRunContext {
  readonly config: MutantsConfig;
  readonly coverage: Coverage;
  readonly catalog: RequirementCatalog;
  readonly packageRoot: string;
  readonly maxWorkers?: number;
  readonly stopSignal?: Promise<void>;
  /** Run the selected suites whole when the targeted run does not kill (default true). */
  readonly fallbackToFull?: boolean;
  /** Rules that failed in the clean run with the same choices: failing them again kills nothing. */
  readonly baseline?: ReadonlySet<string>;
  /** Requirements the active choices flip (a fault whose own rules all are is not applicable). */
  readonly flipped?: ReadonlySet<string>;
}

/**
 * The mutation run: the selected suites against the clean reference (strict: zero failed is the baseline that
 * makes a kill mean something), then each fault on the embedded reference, targeted first and whole if needed.
 */
export async function runMutants(config: MutantsConfig, options: MutantsRunOptions = {}): Promise<MutantsReport> {
  const started = performance.now();
  const packageRoot = options.packageRoot ?? findPackageRoot();
  const catalog = loadCatalog(packageRoot);
  const faults = selectFaults(config.faults);
  const choices = choiceSet(config.choices);
  const flipped = flippedBy(choices);
  let interrupted = false;
  void options.stopSignal?.then(() => (interrupted = true));

  // Under choices the strict clean run fails the flipped inferred rules by design: it runs whole, as the baseline.
  const clean = await tallyRun(runConfig(config, { suites: config.suites, strict: true }), {
    packageRoot,
    failFast: config.failFast && choices.active.length === 0,
    ...(options.maxWorkers !== undefined ? { maxWorkers: options.maxWorkers } : {}),
    ...(options.stopSignal ? { stopSignal: options.stopSignal } : {}),
  });
  options.onProgress?.({ type: 'clean-finished', tally: clean.tally });
  const context: FaultRunContext = {
    config,
    coverage: coverageOf(clean.results.checks, config.suites.length > 0 ? config.suites : listSuites(packageRoot)),
    catalog,
    packageRoot,
    ...(options.maxWorkers !== undefined ? { maxWorkers: options.maxWorkers } : {}),
    ...(options.stopSignal ? { stopSignal: options.stopSignal } : {}),
    baseline: new Set(clean.tally.failed.flatMap((f) => f.rules)),
    flipped,
  };

  const outcomes: FaultOutcome[] = [];
  const cleanUnexplained = [...(context.baseline ?? [])].filter((id) => !flipped.has(id));
  const cleanBroken = cleanUnexplained.length > 0 || (clean.tally.summary.failed > 0 && flipped.size === 0);
  for (const [index, fault] of faults.entries()) {
    if (interrupted || (config.failFast && (cleanBroken || outcomes.some(survived)))) break;
    options.onProgress?.({ type: 'fault-started', fault: fault.name, index, total: faults.length });
    const outcome = await killFault(fault, context);
    outcomes.push(outcome);
    options.onProgress?.({ type: 'fault-finished', outcome, index, total: faults.length });
  }

  const killed = outcomes.filter((o) => o.killed).length;
  const notApplicable = outcomes.filter((o) => o.notApplicable === true).length;
  const notRun = faults.slice(outcomes.length).map((f) => f.name);
  return {
    tool: { name: 'cis-conformance', version: packageVersion(packageRoot) },
    generatedAt: new Date().toISOString(),
    seed: config.seed,
    suites: config.suites,
    failFast: config.failFast,
    clean: clean.tally,
    choices: choices.active,
    cleanUnexplained,
    faults: outcomes,
    notRun,
    score: { killed, total: outcomes.length - notApplicable, notApplicable },
    durationMs: Math.round(performance.now() - started),
    exitCode: exitCodeOf(clean.tally, cleanBroken, outcomes, interrupted),
  };
}

/** One fault: its targeted run, then (if it survived that) the selected suites whole. */
export async function killFault(fault: Fault, context: FaultRunContext): Promise<FaultOutcome> {
  const started = performance.now();
  const { config } = context;
  const baseline = context.baseline ?? new Set<string>();
  const flipped = context.flipped ?? new Set<string>();
  if (fault.violates.length > 0 && fault.violates.every((id) => flipped.has(id))) {
    return {
      fault: fault.name,
      area: fault.area,
      description: fault.description,
      violates: fault.violates,
      killed: false,
      notApplicable: true,
      killedBy: [],
      killedByOwn: false,
      ownUncovered: [],
      attempts: [],
      durationMs: 0,
    };
  }
  // Fail-fast only against a clean baseline with nothing failed: otherwise the first failure may be a baseline one.
  const failFast = config.failFast && baseline.size === 0;
  /** Rules a failed check names that the clean run did not fail already. */
  const newlyFailed = (attempt: KillAttempt): string[] =>
    [...new Set(attempt.failed.flatMap((f) => f.rules))].filter((id) => !baseline.has(id));
  const plan = targetedPlan(fault.violates, context.coverage, config.suites, context.catalog);
  const strict = judgedStrict(fault.violates, context.catalog);
  const attempts: KillAttempt[] = [];
  const attempt = async (stage: KillAttempt['stage'], suites: readonly string[], requirements?: readonly string[]) => {
    const run = runConfig(config, { suites, strict, fault: fault.name, ...(requirements ? { requirements } : {}) });
    const { tally } = await tallyRun(run, {
      packageRoot: context.packageRoot,
      failFast,
      // Only a failure of one of the fault's own rules kills it, so only such a failure ends the run early: a check
      // of another rule that happens to fail first must not cut off the one that would have killed it.
      stopsAt: (record) => brokenRules(record.message).some((id) => fault.violates.includes(id) && !baseline.has(id)),
      ...(context.maxWorkers !== undefined ? { maxWorkers: context.maxWorkers } : {}),
      ...(context.stopSignal ? { stopSignal: context.stopSignal } : {}),
    });
    const made: KillAttempt = { stage, suites, ...(requirements ? { requirements } : {}), strict, ...tally };
    attempts.push(made);
    return newlyFailed(made).some((id) => fault.violates.includes(id));
  };

  let killed = plan.requirements.length > 0 && (await attempt('targeted', plan.suites, plan.requirements));
  if (!killed && context.fallbackToFull !== false) killed = await attempt('full', config.suites);

  const killing = attempts.find((a) => newlyFailed(a).some((id) => fault.violates.includes(id)));
  const killedBy = killing ? newlyFailed(killing) : [];
  const targeted = attempts.find((a) => a.stage === 'targeted');
  const failedInTargeted = new Set(targeted?.failed.flatMap((f) => f.rules) ?? []);
  return {
    fault: fault.name,
    area: fault.area,
    description: fault.description,
    violates: fault.violates,
    killed,
    killedBy,
    killedByOwn: killedBy.some((id) => fault.violates.includes(id)),
    ...(targeted && !targeted.stoppedEarly
      ? { ownNotFailed: plan.requirements.filter((id) => !failedInTargeted.has(id) || baseline.has(id)) }
      : {}),
    ownUncovered: plan.uncovered,
    attempts,
    ...(killing?.firstFailure ? { firstFailure: killing.firstFailure } : {}),
    durationMs: Math.round(performance.now() - started),
  };
}

/** The faults named (in registry order), or all; an unknown name is an error that lists the known ones. */
export function selectFaults(names: readonly string[]): Fault[] {
  for (const name of names) {
    if (!FAULTS.some((f) => f.name === name)) {
      throw new Error(`unknown fault '${name}'; known faults: ${FAULTS.map((f) => f.name).join(', ')}`);
    }
  }
  return FAULTS.filter((f) => names.length === 0 || names.includes(f.name));
}

interface RunChoice {
  readonly suites: readonly string[];
  readonly strict: boolean;
  readonly fault?: string;
  readonly requirements?: readonly string[];
}

function runConfig(config: MutantsConfig, choice: RunChoice): RunConfig {
  return {
    target: {
      kind: 'embedded',
      ...(choice.fault !== undefined ? { fault: choice.fault } : {}),
      ...(config.choices !== undefined ? { choices: config.choices } : {}),
    },
    suites: choice.suites,
    seed: config.seed,
    runs: config.runs,
    strict: choice.strict,
    ...(choice.requirements ? { checks: choice.requirements } : {}),
    reportDir: config.reportDir,
    requestTimeoutMs: config.requestTimeoutMs,
  };
}

/** Neither killed nor set aside as not applicable. */
const survived = (o: FaultOutcome): boolean => !o.killed && o.notApplicable !== true;

function exitCodeOf(
  clean: RunTally,
  cleanBroken: boolean,
  outcomes: readonly FaultOutcome[],
  interrupted: boolean,
): 0 | 1 | 2 {
  if (cleanBroken || outcomes.some(survived)) return 1;
  if (interrupted || clean.summary.errors > 0 || clean.runErrors.length > 0) return 2;
  return 0;
}
