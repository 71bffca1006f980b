/**
 * `redocly lint` (recommended rules, redocly.yaml at the root) over schemas/openapi.yaml reports nothing: no error,
 * no warning, and exactly the problems .redocly.lint-ignore.yaml decides (docs/decisions.md "Redocly lint").
 * Redocly CLI is a devDependency pinned to a version that supports Node 20; the run takes about 5 s.
 */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const cli = join(dirname(createRequire(import.meta.url).resolve('@redocly/cli/package.json')), 'bin', 'cli.js');

interface LintReport {
  readonly totals: { readonly errors: number; readonly warnings: number; readonly ignored: number };
  readonly problems: readonly { readonly ruleId: string; readonly message: string }[];
}

async function lint(): Promise<LintReport> {
  const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };
  // A lint with problems exits 1 and still prints its report.
  const { stdout } = await promisify(execFile)(process.execPath, [cli, 'lint', '--format=json'], {
    cwd: root,
    env,
  }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
  return JSON.parse(stdout) as LintReport;
}

describe('redocly lint schemas/openapi.yaml', () => {
  it('reports no error and no warning; the three unused security schemes are the decided exceptions', async () => {
    const report = await lint();
    expect(report.problems.map((p) => `${p.ruleId}: ${p.message}`)).toEqual([]);
    expect(report.totals).toEqual({ errors: 0, warnings: 0, ignored: 3 });
  }, 60_000);
});
