/**
 * `diff OLD NEW`: what changed between two runs' results.json — the nightly sandbox job's alert (docs/guides/
 * nightly-sandbox.md). Exit 1 on a new failure or a changed observation, 0 otherwise, 2 on bad input.
 */
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { diffResults, driftExitCode, formatDriftMarkdown, formatDriftText } from '../../drift/index.js';
import { REPORT_FILES } from '../../reporters/index.js';
import { readResultsFile, ResultsFileError } from '../../reporters/resultsFile.js';
import { UsageError, type CliCommand } from '../command.js';
import { parseArgsWithOperands } from '../flags.js';

const usage = `Usage: cis-conformance diff OLD NEW [--format text|md]

Compares two runs: OLD and NEW are ${REPORT_FILES.json} files or report directories holding one. Prints the checks
that newly fail, the failures that were fixed, other verdict changes, new and removed checks, and the observations
whose answer changed (where the docs are silent, a changed answer means the service changed).

Options:
  --format text|md   plain text (default) or markdown, e.g. for $GITHUB_STEP_SUMMARY

Exit codes: 1 when there are new failures or changed observations (the alert); 0 otherwise (fixes, new or
removed checks and other verdict changes are reported but do not alert); 2 on a usage error or when a file is
missing or not a results file.`;

export interface DiffConfig {
  readonly older: string;
  readonly newer: string;
  readonly format: 'text' | 'md';
}

export function resolveDiffOptions(args: readonly string[], cwd: string): DiffConfig {
  const { values, operands } = parseArgsWithOperands(args, { format: { type: 'string' } });
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'md')
    throw new UsageError(`--format must be text or md, got '${format}'`, '--format');
  if (operands.length !== 2) {
    throw new UsageError(`name two results (OLD NEW), got ${operands.length}`);
  }
  const [older, newer] = operands.map((p) => resolve(cwd, p)) as [string, string];
  return Object.freeze({ older, newer, format });
}

/** A report directory stands for its results.json. */
async function resultsPath(path: string): Promise<string> {
  try {
    if ((await stat(path)).isDirectory()) return join(path, REPORT_FILES.json);
  } catch {
    // not there: readResultsFile names the file
  }
  return path;
}

export const diffCommand: CliCommand = {
  name: 'diff',
  summary: "Compare two runs' results (new failures, fixes, changed observations)",
  usage,
  async run(args, io) {
    const config = resolveDiffOptions(args, process.cwd());
    let older;
    let newer;
    try {
      older = await readResultsFile(await resultsPath(config.older));
      newer = await readResultsFile(await resultsPath(config.newer));
    } catch (error) {
      if (!(error instanceof ResultsFileError)) throw error;
      io.stderr(`cis-conformance diff: ${error.message}`);
      return 2;
    }
    const drift = diffResults(older, newer);
    io.stdout(config.format === 'md' ? formatDriftMarkdown(drift) : formatDriftText(drift));
    return driftExitCode(drift);
  },
};
