import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { mutantsHtml } from './html.js';
import type { MutantsReport } from './types.js';

export const MUTANTS_JSON = 'mutants.json';
export const MUTANTS_HTML = 'index.html';

/** Writes `mutants.json` and `index.html` into `dir` (created if missing); answers the two paths. */
export async function writeMutantsReport(report: MutantsReport, dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const json = join(dir, MUTANTS_JSON);
  const html = join(dir, MUTANTS_HTML);
  await writeFile(json, JSON.stringify(report, null, 2) + '\n', 'utf8');
  await writeFile(html, mutantsHtml(report), 'utf8');
  return [json, html];
}
