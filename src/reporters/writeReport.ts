import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { redactText } from './redact.js';

/** The four report files, by reporter. Fixed by docs/design.md §3.2 ("Reports"). */
export const REPORT_FILES = {
  json: 'results.json',
  junit: 'junit.xml',
  html: 'index.html',
  markdown: 'summary.md',
} as const;

/** A report file that could not be written, named by its path (the reason is the file system's). */
export class ReportWriteError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`could not write ${file} (${reason})`);
    this.name = 'ReportWriteError';
  }
}

/**
 * Writes one finished report and returns its absolute path. The whole text goes through `redactText` once
 * more on the way out: the last line of defence, whatever a formatter forgot. A file-system failure is a
 * ReportWriteError naming the file.
 */
export async function writeReportFile(reportDir: string, fileName: string, content: string): Promise<string> {
  const target = path.resolve(reportDir, fileName);
  try {
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, redactText(content), 'utf8');
  } catch (error) {
    throw new ReportWriteError(target, error instanceof Error ? error.message : String(error));
  }
  return target;
}
