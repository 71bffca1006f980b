/**
 * `merge-reports DIR...`: one report from the shards of a run (docs/design.md §3.1). Reads each shard's
 * `results.json`, merges them (src/reporters/mergeResults.ts) and writes the four reports again.
 */
import path from 'node:path';
import { UsageError, type CliCommand, type CliIO } from '../command.js';
import { parseArgsWithOperands } from '../flags.js';
import { colourWanted } from '../colour.js';
import { finishReporters, prepareReportFolder } from '../reportFolder.js';
import { createReporters, REPORT_FILES } from '../../reporters/index.js';
import { mergeRunResults } from '../../reporters/mergeResults.js';
import { readResultsFile, ResultsFileError } from '../../reporters/resultsFile.js';
import type { RunResults } from '../../model/checkRecord.js';

export const DEFAULT_MERGED_REPORT_DIR = 'reports/merged';

const usage = `Usage: cis-conformance merge-reports DIR... [--report-dir DIR]

Merges the ${REPORT_FILES.json} of each shard directory (from \`run --shard I/N --report-dir DIR\`) into one
report: checks and observations of all shards, the summary recomputed, a requirement uncovered only if
every shard left it uncovered. Writes ${Object.values(REPORT_FILES).join(', ')}.

Options:
  --report-dir DIR  where to write the merged reports (default ${DEFAULT_MERGED_REPORT_DIR})

Exit codes: 0 when the merged reports are written (the shard runs are the gate); 2 when a shard's
${REPORT_FILES.json} is missing or malformed, a report could not be written, or on a usage error.`;

export interface MergeReportsConfig {
  /** Absolute shard directories, in the order given. */
  readonly shardDirs: readonly string[];
  readonly reportDir: string;
}

export function resolveMergeReportsOptions(args: readonly string[], cwd: string): MergeReportsConfig {
  const { values, operands } = parseArgsWithOperands(args, { 'report-dir': { type: 'string' } });
  if (operands.length === 0) throw new UsageError('name at least one shard report directory (DIR...)');
  const reportDir = values['report-dir'] ?? DEFAULT_MERGED_REPORT_DIR;
  if (reportDir === '') throw new UsageError('--report-dir must not be empty', '--report-dir');
  return Object.freeze({
    shardDirs: Object.freeze(operands.map((dir) => path.resolve(cwd, dir))),
    reportDir: path.resolve(cwd, reportDir),
  });
}

export const mergeReportsCommand: CliCommand = {
  name: 'merge-reports',
  summary: 'Merge the reports of the shards of a run into one report',
  usage,
  async run(args: readonly string[], io: CliIO): Promise<number> {
    const config = resolveMergeReportsOptions(args, process.cwd());
    const shards: RunResults[] = [];
    for (const dir of config.shardDirs) {
      try {
        shards.push(await readResultsFile(path.join(dir, REPORT_FILES.json)));
      } catch (error) {
        if (!(error instanceof ResultsFileError)) throw error;
        io.stderr(`cis-conformance merge-reports: ${error.message}`);
        return 2;
      }
    }
    const { results, notes } = mergeRunResults(shards);
    for (const note of notes) io.stderr(`cis-conformance merge-reports: ${note}`);
    if (!(await prepareReportFolder(config.reportDir, 'merge-reports', io))) return 2;
    const reporters = createReporters({
      reportDir: config.reportDir,
      console: { write: io.stdout, isTTY: false, colour: colourWanted(process.env, false) },
    });
    if (!(await finishReporters(reporters, results, config.reportDir, 'merge-reports', io))) return 2;
    io.stdout(`Merged ${shards.length} shard report(s) into ${config.reportDir}`);
    return 0;
  },
};
