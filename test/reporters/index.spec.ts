import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { RunResults } from '../../src/model/checkRecord.js';
import { createReporters } from '../../src/reporters/index.js';
import { loadResults, PLANTED_SECRETS, recordingConsole } from './fixtures.js';

const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

/** Runs every reporter of a run over the results, as the engine does, and returns what each wrote. */
async function writeAll(results: RunResults, isTTY = false) {
  const reportDir = await mkdtemp(path.join(tmpdir(), 'cis-reports-'));
  dirs.push(reportDir);
  const out = recordingConsole(isTTY);
  const reporters = createReporters({ reportDir, console: out });
  for (const reporter of reporters) {
    reporter.onEvent({
      type: 'run-started',
      runId: results.run.id,
      seed: results.run.seed,
      target: results.run.target,
    });
    for (const record of results.checks) reporter.onEvent({ type: 'check-finished', record });
    for (const message of results.runErrors) reporter.onEvent({ type: 'run-error', message });
    reporter.onEvent({ type: 'run-finished', results });
  }
  const written = (await Promise.all(reporters.map((reporter) => reporter.finish(results, reportDir)))).flat();
  return { reportDir, written, consoleText: out.lines.join('\n') };
}

describe('createReporters', () => {
  it('writes the four report files and prints the table', async () => {
    const { reportDir, written, consoleText } = await writeAll(loadResults('run-mixed'));
    expect(written.map((file) => path.basename(file))).toEqual([
      'results.json',
      'junit.xml',
      'index.html',
      'summary.md',
    ]);
    expect((await readdir(reportDir)).sort()).toEqual(['index.html', 'junit.xml', 'results.json', 'summary.md']);
    expect(consoleText).toContain('Totals: 162 passed');
  });
});

describe('secret safety (defence in depth)', () => {
  const secrets = loadResults('run-with-secrets');

  it('the fixture really carries the planted secrets', () => {
    const raw = JSON.stringify(secrets);
    for (const value of Object.values(PLANTED_SECRETS)) expect(raw).toContain(value);
  });

  it.each([false, true])('no report file and no console line contains them (TTY %s)', async (isTTY) => {
    const { written, consoleText } = await writeAll(secrets, isTTY);
    const outputs = [
      ...(await Promise.all(written.map(async (file) => [path.basename(file), await readFile(file, 'utf8')] as const))),
      ['console', consoleText] as const,
    ];
    for (const [name, text] of outputs) {
      for (const [kind, value] of Object.entries(PLANTED_SECRETS)) {
        expect(text.includes(value), `${kind} leaked into ${name}`).toBe(false);
      }
      expect(text, name).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/);
    }
    // The redaction leaves a visible marker where each secret was.
    const json = outputs.find(([name]) => name === 'results.json')![1];
    expect(json).toContain('"client_secret": "[REDACTED]"');
    expect(json).toContain('"authorization": "Bearer [REDACTED]"');
  });
});
