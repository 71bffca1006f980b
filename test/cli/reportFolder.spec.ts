import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/cli/command.js';
import { colourWanted } from '../../src/cli/colour.js';
import { runCommand } from '../../src/cli/commands/run.js';
import { finishReporters, prepareReportFolder } from '../../src/cli/reportFolder.js';
import { createReporters } from '../../src/reporters/index.js';
import { loadResults } from '../reporters/fixtures.js';

function io(out: string[], err: string[]): CliIO {
  return { stdout: (l) => out.push(l), stderr: (l) => err.push(l), stopSignal: new Promise(() => undefined) };
}

describe('writing the reports', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cis-reports-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('goes on past a reporter that fails, naming its file, and answers false', async () => {
    await mkdir(join(dir, 'results.json')); // a folder where the JSON report should go
    const out: string[] = [];
    const err: string[] = [];
    const reporters = createReporters({ reportDir: dir, console: { write: (l) => out.push(l), isTTY: false } });
    const written = await finishReporters(reporters, loadResults('run-mixed'), dir, 'run', io(out, err));
    expect(written).toBe(false);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(
      new RegExp(
        `^cis-conformance run: a report was not written: could not write ${join(dir, 'results.json')} \\(EISDIR`,
      ),
    );
    expect((await readdir(dir)).sort()).toEqual(['index.html', 'junit.xml', 'results.json', 'summary.md']);
    expect((await stat(join(dir, 'summary.md'))).size).toBeGreaterThan(0);
    expect(out.some((line) => line.startsWith('Totals:'))).toBe(true); // the console reporter still printed
    // Its list of reports marks the one that failed, with the reason, and lists the other three as written.
    const listed = out.slice(out.indexOf('Reports:') + 1, out.indexOf('Reports:') + 5);
    expect(listed).toEqual([
      expect.stringMatching(new RegExp(`^  ✗ ${join(dir, 'results.json')}  NOT WRITTEN: EISDIR`)),
      `  ${join(dir, 'junit.xml')}`,
      `  ${join(dir, 'index.html')}`,
      `  ${join(dir, 'summary.md')}`,
    ]);
  });

  it('answers true when every report was written', async () => {
    const reporters = createReporters({ reportDir: dir, console: { write: () => undefined, isTTY: false } });
    expect(await finishReporters(reporters, loadResults('run-mixed'), dir, 'run', io([], []))).toBe(true);
  });

  it('refuses a folder under a file with one line', async () => {
    const err: string[] = [];
    await mkdir(join(dir, 'x'));
    await writeFile(join(dir, 'file'), '');
    expect(await prepareReportFolder(join(dir, 'file', 'sub'), 'merge-reports', io([], err))).toBe(false);
    expect(err).toEqual([
      expect.stringMatching(/^cis-conformance merge-reports: cannot use the report folder .*file\/sub \(ENOTDIR/),
    ]);
    expect(await prepareReportFolder(join(dir, 'x', 'y'), 'run', io([], err))).toBe(true);
  });
});

describe('run with one report that cannot be written', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cis-run-reports-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it(
    'writes the other three, names the file, and exits 2 although every check passed',
    { timeout: 240_000 },
    async () => {
      await mkdir(join(dir, 'junit.xml'));
      const out: string[] = [];
      const err: string[] = [];
      const code = await runCommand.run(
        ['--suite', 'smoke', '--check', 'CLIENTS-GET-404', '--seed', '1', '--report-dir', dir],
        io(out, err),
      );
      expect(code).toBe(2);
      expect(err).toEqual([expect.stringContaining(`could not write ${join(dir, 'junit.xml')} (EISDIR`)]);
      const results = JSON.parse(await readFile(join(dir, 'results.json'), 'utf8')) as { summary: { passed: number } };
      expect(results.summary.passed).toBeGreaterThan(0);
      expect((await stat(join(dir, 'index.html'))).isFile() && (await stat(join(dir, 'summary.md'))).isFile()).toBe(
        true,
      );
    },
  );
});

describe('colourWanted', () => {
  it.each([
    [{}, true, true],
    [{}, false, false],
    [{ TERM: 'dumb' }, true, false],
    [{ NO_COLOR: '1' }, true, false],
    [{ NO_COLOR: '' }, true, true], // an empty NO_COLOR does not count (no-color.org)
    [{ FORCE_COLOR: '1' }, false, true],
    [{ FORCE_COLOR: '' }, false, true],
    [{ FORCE_COLOR: '3' }, false, true],
    [{ FORCE_COLOR: '0' }, true, false],
    [{ FORCE_COLOR: 'false' }, true, false],
    [{ FORCE_COLOR: '1', NO_COLOR: '1' }, true, false], // NO_COLOR wins
  ])('%j with isTTY %s → %s', (env, isTTY, expected) => {
    expect(colourWanted(env, isTTY)).toBe(expected);
  });

  it('is what the console reporter paints with, whatever the terminal', async () => {
    const paint = async (colour: boolean, isTTY: boolean) => {
      const lines: string[] = [];
      const [console] = createReporters({
        reportDir: '/unused',
        console: { write: (l) => lines.push(l), isTTY, colour },
      }).slice(-1);
      await console?.finish(loadResults('run-mixed'), '/unused');
      return lines.join('\n');
    };
    expect(await paint(true, false)).toContain('\u001b[');
    expect(await paint(false, true)).not.toContain('\u001b[');
  });
});
