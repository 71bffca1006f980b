/** The report folder of a command that writes reports (run, merge-reports): created up front, every report tried. */
import { mkdir } from 'node:fs/promises';
import type { RunResults } from '../model/checkRecord.js';
import { ReportWriteError, type Reporter } from '../reporters/index.js';
import type { CliIO } from './command.js';

/**
 * Creates the report folder; on failure (a path under a file, no permission) prints one line naming the folder
 * and answers false, so the command stops before it runs anything.
 */
export async function prepareReportFolder(dir: string, command: string, io: CliIO): Promise<boolean> {
  try {
    await mkdir(dir, { recursive: true });
    return true;
  } catch (error) {
    io.stderr(`cis-conformance ${command}: cannot use the report folder ${dir} (${reasonOf(error)})`);
    return false;
  }
}

/**
 * Calls every reporter's `finish` in order; one that fails is reported on its own line (with its file, when it
 * is a file reporter) and the others still write. Each reporter learns which report files failed before it, so the
 * console (last) marks them not written. Answers true when every report was written.
 */
export async function finishReporters(
  reporters: readonly Reporter[],
  results: RunResults,
  reportDir: string,
  command: string,
  io: CliIO,
): Promise<boolean> {
  let allWritten = true;
  const notWritten = new Map<string, string>();
  for (const reporter of reporters) {
    try {
      await reporter.finish(results, reportDir, notWritten);
    } catch (error) {
      allWritten = false;
      io.stderr(`cis-conformance ${command}: a report was not written: ${reasonOf(error)}`);
      if (reporter.reportFile !== undefined) {
        notWritten.set(reporter.reportFile, error instanceof ReportWriteError ? error.reason : reasonOf(error));
      }
    }
  }
  return allWritten;
}

function reasonOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}
