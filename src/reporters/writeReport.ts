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

/**
 * Writes one finished report and returns its absolute path. The whole text goes through `redactText` once
 * more on the way out: the last line of defence, whatever a formatter forgot.
 */
export async function writeReportFile(reportDir: string, fileName: string, content: string): Promise<string> {
  const target = path.resolve(reportDir, fileName);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, redactText(content), 'utf8');
  return target;
}
