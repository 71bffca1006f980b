import { existsSync } from 'node:fs';
import { randomInt } from 'node:crypto';
import { CHOICE_NAMES } from '../../../reference/choices.js';
import { FAULTS } from '../../../reference/faults.js';
import {
  DEFAULT_CONCURRENCY,
  findPackageRoot,
  listSuites,
  runConformance,
  type RunConfig,
} from '../../engine/index.js';
import type { RunEvent } from '../../model/events.js';
import { createReporters } from '../../reporters/index.js';
import { loadCatalog } from '../../catalog/catalog.js';
import type { CliCommand, CliIO } from '../command.js';
import { ledgerFileOf, unfinishedLedgersRefusal } from '../../live/ledger.js';
import { colourWanted } from '../colour.js';
import { finishReporters, prepareReportFolder } from '../reportFolder.js';
import { CREDENTIALS_USAGE, HOST_USAGE, TRANSPORT_USAGE } from '../liveOptions.js';
import { DEFAULT_REPORT_DIR, DEFAULT_RUNS, DEFAULT_TIMEOUT_MS, resolveRunOptions } from '../options.js';
import { describeLedger } from './cleanup.js';

const usage = `Usage: cis-conformance run [options]

Runs the conformance suites against a target and writes results.json, junit.xml, index.html and summary.md.
Exit code: 1 if any check failed; otherwise 2 if the run could not check (usage error, target unreachable,
any error verdict); otherwise 0. A report that could not be written makes it 2 whatever the verdicts (the
other reports are still written). Every planned check is in the reports: one the run did not finish (Ctrl-C,
SIGTERM, --deadline, a target that stopped answering, a worker that died) is an error with that reason.
Console colours follow the terminal; NO_COLOR=1 turns them off, FORCE_COLOR=1 on (in a CI log),
FORCE_COLOR=0 off; NO_COLOR wins.

Options:
  --target URL|embedded   the prefix before /v1/... (default: the embedded reference, started in-process)
  --issuer URL            a standalone issuer (cis-conformance issuer) whose JWKS the embedded target trusts
  --state-url URL         the provider-state hook (default: <target>/__conformance/state when it answers)
  --suite NAME...         only these suites (folders under suites/); repeatable or comma-separated
  --seed N                the run seed (default: random, printed)
  --runs N                fast-check runs per property check (default ${DEFAULT_RUNS})
  --strict                violations of inferred rules fail instead of warn
  --check REQUIREMENT-ID  only the checks of one requirement (with --seed: the exact failing case); its reports
                          go to reports/replay-<REQUIREMENT-ID> unless --report-dir says otherwise
  --replay-path P         with --check and --seed: replay exactly the shrunk case a property check printed
  --profile NAME          default (${DEFAULT_RUNS} cases per property) or nightly (ten times more); --runs wins
  --report-dir DIR        where reports go (default ${DEFAULT_REPORT_DIR}; with --check reports/replay-<ID>)
  --shard I/N             run shard I of N (merge shards with merge-reports)
  --fault NAME            switch on one seeded defect of the embedded target (self-tests)
  --choices SET           default or alternate: the embedded target takes the other defensible side on every
                          point the docs leave open (a correct run then has 0 failed; see serve --list-choices)
  --choice NAME...        switch on these choices of the embedded target only; repeatable or comma-separated
  --timeout MS            per-request time-out (default ${DEFAULT_TIMEOUT_MS}); a target that gives no answer at all for
                          2 × this ends the run: the checks not finished are errors "the target stopped answering"
  --deadline DURATION     for the whole run, like 90s, 20m or 1h30m (default 20m; live: 60m): checks not started by
                          then are errors "deadline"
  --concurrency N         checks at once in each worker (default ${DEFAULT_CONCURRENCY}; live mode: 1). Checks are independent,
                          so this changes no verdict, only the time spent waiting on a distant target
  --workers N             worker processes (default: cores - 1, at least 1); each runs whole suite files
${TRANSPORT_USAGE}

Live mode (--target sandbox: https://api.sbx.transmitsecurity.io/cis, tokens from its /oidc/token):
${HOST_USAGE}
  --allow-destructive     let DELETE /v1/clients run (it deletes every client of the app)...
  --disposable-app APP_ID ...in this app only, which must be the token's own app
  Every client the run creates is written to <report-dir>/ledger-<runId>.jsonl (before the create is sent) and
  deleted at the end (also after Ctrl-C); a run that was killed is finished with
  \`cis-conformance cleanup --ledger FILE|DIR\`. A live run refuses to start (exit 2) while a ledger in its
  report folder still lists resources.

${CREDENTIALS_USAGE}`;

export const runCommand: CliCommand = {
  name: 'run',
  summary: 'Run the conformance suites against a target and write the reports',
  usage,
  async run(args, io) {
    const packageRoot = findPackageRoot();
    const catalog = loadCatalog(packageRoot);
    const config = resolveRunOptions(args, {
      cwd: process.cwd(),
      knownSuites: listSuites(packageRoot),
      knownFaults: FAULTS.map((f) => f.name),
      knownChoices: CHOICE_NAMES,
      isRequirement: (id) => catalog.requirements.some((r) => r.id === id),
      randomSeed: () => randomInt(0, 2 ** 31 - 1),
      env: process.env,
    });
    if (config.target.kind === 'sandbox') {
      // Another run's (or a killed run's) clients still listed: finish that first, before anything is sent.
      const refusal = unfinishedLedgersRefusal(config.target.ledgerDir);
      if (refusal !== undefined) {
        io.stderr(`cis-conformance run: ${refusal}`);
        return 2;
      }
    }
    if (!(await prepareReportFolder(config.reportDir, 'run', io))) return 2;
    const isTTY = process.stdout.isTTY === true;
    const reporters = createReporters({
      reportDir: config.reportDir,
      console: { write: io.stdout, isTTY, colour: colourWanted(process.env, isTTY) },
    });
    const onEvent = (event: RunEvent): void => {
      for (const reporter of reporters) guarded(io, () => reporter.onEvent(event));
    };
    io.setForcedStopNote?.(forcedStopNote(config));
    const outcome = await runConformance(config, { packageRoot, onEvent, stopSignal: io.stopSignal });
    // In order: file reporters before the console, which prints their paths. One failing report stops no other.
    const allWritten = await finishReporters(reporters, outcome.results, config.reportDir, 'run', io);
    if (config.target.kind === 'sandbox') {
      const ledgerFile = ledgerFileOf(config.target.ledgerDir, outcome.results.run.id);
      if (existsSync(ledgerFile)) io.stdout(describeLedger(ledgerFile));
    }
    return allWritten ? outcome.exitCode : 2;
  },
};

/**
 * What a second Ctrl-C leaves undone: the reports, and in live mode the clean-up of the clients the run created,
 * which `cleanup --ledger` finishes from the ledger (every create is written there before it is sent).
 */
export function forcedStopNote(config: Pick<RunConfig, 'target'>): string {
  const reports = 'the reports were not written';
  if (config.target.kind !== 'sandbox') return reports;
  return `${reports}, nor the clients this run created deleted: \`cis-conformance cleanup --ledger ${config.target.ledgerDir}\` (the run's report folder: every ledger in it) finishes the clean-up`;
}

/** A reporter that throws on one event must not end the run: say so and go on. */
function guarded(io: CliIO, fn: () => void): void {
  try {
    fn();
  } catch (error) {
    io.stderr(
      `cis-conformance run: a reporter failed on an event: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
