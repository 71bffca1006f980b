import { FAULTS, type Fault } from '../../reference/faults.js';
import { findPackageRoot, listSuites, type RunConfig } from '../engine/index.js';
import { packageVersion } from '../engine/packageRoot.js';
import type { RequirementCatalog } from '../model/requirement.js';
import { loadCatalog } from '../spec/catalog.js';
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
  let interrupted = false;
  void options.stopSignal?.then(() => (interrupted = true));

  const clean = await tallyRun(runConfig(config, { suites: config.suites, strict: true }), {
    packageRoot,
    failFast: config.failFast,
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
  };

  const outcomes: FaultOutcome[] = [];
  const cleanBroken = clean.tally.summary.failed > 0;
  for (const [index, fault] of faults.entries()) {
    if (interrupted || (config.failFast && (cleanBroken || outcomes.some((o) => !o.killed)))) break;
    options.onProgress?.({ type: 'fault-started', fault: fault.name, index, total: faults.length });
    const outcome = await killFault(fault, context);
    outcomes.push(outcome);
    options.onProgress?.({ type: 'fault-finished', outcome, index, total: faults.length });
  }

  const killed = outcomes.filter((o) => o.killed).length;
  const notRun = faults.slice(outcomes.length).map((f) => f.name);
  return {
    tool: { name: 'cis-conformance', version: packageVersion(packageRoot) },
    generatedAt: new Date().toISOString(),
    seed: config.seed,
    suites: config.suites,
    failFast: config.failFast,
    clean: clean.tally,
    faults: outcomes,
    notRun,
    score: { killed, total: outcomes.length },
    durationMs: Math.round(performance.now() - started),
    exitCode: exitCodeOf(clean.tally, outcomes, interrupted),
  };
}

/** One fault: its targeted run, then (if it survived that) the selected suites whole. */
export async function killFault(fault: Fault, context: FaultRunContext): Promise<FaultOutcome> {
  const started = performance.now();
  const { config } = context;
  const plan = targetedPlan(fault.violates, context.coverage, config.suites, context.catalog);
  const strict = judgedStrict(fault.violates, context.catalog);
  const attempts: KillAttempt[] = [];
  const attempt = async (stage: KillAttempt['stage'], suites: readonly string[], requirements?: readonly string[]) => {
    const run = runConfig(config, { suites, strict, fault: fault.name, ...(requirements ? { requirements } : {}) });
    const { tally } = await tallyRun(run, {
      packageRoot: context.packageRoot,
      failFast: config.failFast,
      ...(context.maxWorkers !== undefined ? { maxWorkers: context.maxWorkers } : {}),
      ...(context.stopSignal ? { stopSignal: context.stopSignal } : {}),
    });
    attempts.push({ stage, suites, ...(requirements ? { requirements } : {}), strict, ...tally });
    return tally.failed.length > 0;
  };

  let killed = plan.requirements.length > 0 && (await attempt('targeted', plan.suites, plan.requirements));
  if (!killed && context.fallbackToFull !== false) killed = await attempt('full', config.suites);

  const killing = attempts.find((a) => a.failed.length > 0);
  const killedBy = [...new Set(killing?.failed.flatMap((f) => f.rules) ?? [])];
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
      ? { ownNotFailed: plan.requirements.filter((id) => !failedInTargeted.has(id)) }
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
    target: choice.fault !== undefined ? { kind: 'embedded', fault: choice.fault } : { kind: 'embedded' },
    suites: choice.suites,
    seed: config.seed,
    runs: config.runs,
    strict: choice.strict,
    ...(choice.requirements ? { checks: choice.requirements } : {}),
    reportDir: config.reportDir,
    requestTimeoutMs: config.requestTimeoutMs,
  };
}

function exitCodeOf(clean: RunTally, outcomes: readonly FaultOutcome[], interrupted: boolean): 0 | 1 | 2 {
  if (clean.summary.failed > 0 || outcomes.some((o) => !o.killed)) return 1;
  if (interrupted || clean.summary.errors > 0 || clean.runErrors.length > 0) return 2;
  return 0;
}
