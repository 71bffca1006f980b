import { randomInt } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { isAbsolute, resolve } from 'node:path';
import { CHOICE_NAMES, choiceSet, flippedBy } from '../../../reference/choices.js';
import { FAULTS } from '../../../reference/faults.js';
import { findPackageRoot, listSuites } from '../../engine/index.js';
import {
  cleanRunLine,
  mutantsSummaryLines,
  mutantsTableLines,
  runMutants,
  writeMutantsReport,
  type MutantsConfig,
  type MutantsProgress,
} from '../../mutants/index.js';
import { seconds } from '../../mutants/table.js';
import { UsageError, type CliCommand, type CliIO } from '../command.js';
import { DEFAULT_RUNS, DEFAULT_TIMEOUT_MS } from '../options.js';
import { choicesFlags, integerFlag, parseArgsWithNameLists } from '../flags.js';

export const DEFAULT_MUTANTS_DIR = 'reports/mutants';

const usage = `Usage: cis-conformance mutants [options]

Proves the suites catch defects: runs them against the clean embedded reference (strict; must give zero failed),
then against the reference with each seeded fault switched on (reference/faults.ts). A fault is killed when its
run reports a failed check; faults against inferred rules are judged with --strict. Each fault runs first with
only the checks of the requirements it declares it violates, then with the selected suites whole if it survived.
Prints a table (fault, killed or not, by which requirement ids, time and requests to the first failure) and
writes mutants.json and index.html. Exit code: 1 if a fault survives or the clean run fails; 2 if the run could
not check; otherwise 0.

Options:
  --fault NAME...      only these faults; repeatable or comma-separated (default: all ${FAULTS.length})
  --suite NAME...      only these suites (folders under suites/); repeatable or comma-separated
  --runs N             fast-check runs per property check (default ${DEFAULT_RUNS})
  --seed N             the run seed (default: random, printed)
  --report-dir DIR     where mutants.json and index.html go (default ${DEFAULT_MUTANTS_DIR})
  --fail-fast          stop each fault's run at its first failure, and everything at the first survivor
  --workers N          vitest workers per run (default: the number of cores)
  --timeout MS         per-request time-out (default ${DEFAULT_TIMEOUT_MS})
  --choices SET        default or alternate: the reference (clean and faulty) takes these sides on the open
                       points; a fault is then killed only by an own rule the clean run did not fail, and a
                       fault whose own rules the choices all flip is reported not applicable
  --choice NAME...     only these choices; repeatable or comma-separated`;

const FLAGS = {
  fault: { type: 'string', multiple: true },
  suite: { type: 'string', multiple: true },
  runs: { type: 'string' },
  seed: { type: 'string' },
  'report-dir': { type: 'string' },
  'fail-fast': { type: 'boolean' },
  workers: { type: 'string' },
  timeout: { type: 'string' },
  choices: { type: 'string' },
  choice: { type: 'string', multiple: true },
} as const;

export interface MutantsOptionsContext {
  readonly cwd: string;
  readonly knownSuites: readonly string[];
  readonly knownFaults: readonly string[];
  /** Choice names of the reference (reference/choices.ts); default none known. */
  readonly knownChoices?: readonly string[];
  readonly randomSeed: () => number;
  readonly cores: number;
}

export interface ResolvedMutantsOptions {
  readonly config: MutantsConfig;
  readonly maxWorkers: number;
}

/** `mutants` options, resolved once; every problem is a UsageError naming its flag. */
export function resolveMutantsOptions(args: readonly string[], context: MutantsOptionsContext): ResolvedMutantsOptions {
  const { values, lists } = parse(args);
  for (const fault of lists.fault) {
    if (!context.knownFaults.includes(fault)) {
      throw new UsageError(`--fault ${fault}: no such fault (known: ${context.knownFaults.join(', ')})`, '--fault');
    }
  }
  for (const suite of lists.suite) {
    if (!context.knownSuites.includes(suite)) {
      throw new UsageError(
        `--suite ${suite}: no such suite (known: ${context.knownSuites.join(', ') || 'none'})`,
        '--suite',
      );
    }
  }
  const reportDir = values['report-dir'] ?? DEFAULT_MUTANTS_DIR;
  const choices = choicesFlags(values.choices, lists.choice, context.knownChoices ?? []);
  const config: MutantsConfig = {
    ...(choices !== undefined ? { choices } : {}),
    faults: [...new Set(lists.fault)],
    suites: [...new Set(lists.suite)],
    seed: values.seed !== undefined ? integerFlag('--seed', values.seed, 0, 2 ** 31 - 1) : context.randomSeed(),
    runs: values.runs !== undefined ? integerFlag('--runs', values.runs, 1, 100_000) : DEFAULT_RUNS,
    reportDir: isAbsolute(reportDir) ? reportDir : resolve(context.cwd, reportDir),
    failFast: values['fail-fast'] ?? false,
    requestTimeoutMs:
      values.timeout !== undefined ? integerFlag('--timeout', values.timeout, 100, 600_000) : DEFAULT_TIMEOUT_MS,
  };
  const maxWorkers =
    values.workers !== undefined ? integerFlag('--workers', values.workers, 1, 64) : Math.max(1, context.cores);
  return Object.freeze({ config: Object.freeze(config), maxWorkers });
}

export const mutantsCommand: CliCommand = {
  name: 'mutants',
  summary: 'Run the suites against every seeded reference fault and report which ones they kill',
  usage,
  async run(args, io) {
    const packageRoot = findPackageRoot();
    const { config, maxWorkers } = resolveMutantsOptions(args, {
      cwd: process.cwd(),
      knownSuites: listSuites(packageRoot),
      knownFaults: FAULTS.map((f) => f.name),
      knownChoices: CHOICE_NAMES,
      randomSeed: () => randomInt(0, 2 ** 31 - 1),
      cores: availableParallelism(),
    });
    io.stdout(`cis-conformance mutants · seed ${config.seed} · suites ${config.suites.join(', ') || 'all'}`);
    const report = await runMutants(config, {
      packageRoot,
      maxWorkers,
      stopSignal: io.stopSignal,
      onProgress: (progress) => printProgress(io, progress, flippedBy(choiceSet(config.choices))),
    });
    io.stdout('');
    for (const line of mutantsTableLines(report)) io.stdout(line);
    io.stdout('');
    for (const line of mutantsSummaryLines(report)) io.stdout(line);
    const paths = await writeMutantsReport(report, config.reportDir);
    io.stdout(`Reports:\n${paths.map((p) => `  ${p}`).join('\n')}`);
    return report.exitCode;
  },
};

function printProgress(io: CliIO, progress: MutantsProgress, flipped: ReadonlySet<string>): void {
  if (progress.type === 'clean-finished') {
    io.stdout(cleanRunLine(progress.tally));
    // Under choices the strict clean run fails the flipped inferred rules by design: only the others are news.
    const expected = progress.tally.failed.filter((f) => f.rules.every((id) => flipped.has(id)));
    if (expected.length > 0)
      io.stdout(`  ${expected.length} failed checks on rules the active choices flip (expected)`);
    for (const failed of progress.tally.failed.filter((f) => !expected.includes(f)))
      io.stdout(`  failed on the clean reference: ${failed.message}`);
    for (const error of progress.tally.runErrors) io.stdout(`  run error: ${error}`);
  } else if (progress.type === 'fault-finished') {
    const { outcome } = progress;
    const by = outcome.notApplicable
      ? 'not applicable (an active choice takes its side)'
      : outcome.killed
        ? `killed by ${outcome.killedBy[0]}${outcome.killedByOwn ? '' : ' (not an own rule)'}`
        : 'SURVIVED';
    io.stdout(`[${progress.index + 1}/${progress.total}] ${outcome.fault}: ${by} (${seconds(outcome.durationMs)})`);
  }
}

/** `--fault a b` and `--fault a,b` both add names (as `run --suite` does); so do --suite and --choice. */
function parse(args: readonly string[]) {
  return parseArgsWithNameLists(args, FLAGS, ['fault', 'suite', 'choice'], 'names follow --fault, --suite or --choice');
}
