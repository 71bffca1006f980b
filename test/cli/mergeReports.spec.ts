import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageError, type CliIO } from '../../src/cli/command.js';
import { mergeReportsCommand, resolveMergeReportsOptions } from '../../src/cli/commands/mergeReports.js';
import type { RunResults } from '../../src/model/checkRecord.js';
import { loadResults, packageRoot, shardsOf } from '../reporters/fixtures.js';

const bin = path.join(packageRoot, 'bin/cis-conformance.js');
const full = loadResults('run-mixed');
let work = '';

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'cis-merge-'));
  const [a, b] = shardsOf(full, 2);
  for (const [name, shard] of [
    ['a', a],
    ['b', b],
  ] as const) {
    await mkdir(path.join(work, name));
    await writeFile(path.join(work, name, 'results.json'), JSON.stringify(shard));
  }
  await mkdir(path.join(work, 'empty'));
  await mkdir(path.join(work, 'broken'));
  await writeFile(path.join(work, 'broken', 'results.json'), '{"run": {"id": "x"');
});
afterAll(async () => rm(work, { recursive: true, force: true }));

type Spawned = { code: number; stdout: string; stderr: string };
async function spawnCli(args: string[]): Promise<Spawned> {
  return promisify(execFile)('node', [bin, ...args], { cwd: work, timeout: 60_000 }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: Spawned) => error,
  );
}

async function runInProcess(args: string[]): Promise<{ code: number; stdout: string[]; stderr: string[] }> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const io: CliIO = {
    stdout: (line) => stdout.push(line),
    stderr: (line) => stderr.push(line),
    stopSignal: new Promise(() => undefined),
  };
  return { code: await mergeReportsCommand.run(args, io), stdout, stderr };
}

describe('cis-conformance merge-reports (spawned)', () => {
  it('merges two shard directories into the four reports', async () => {
    const { code, stdout } = await spawnCli(['merge-reports', 'a', 'b', '--report-dir', 'c']);
    expect(code).toBe(0);
    expect((await readdir(path.join(work, 'c'))).sort()).toEqual([
      'index.html',
      'junit.xml',
      'results.json',
      'summary.md',
    ]);
    const merged = JSON.parse(await readFile(path.join(work, 'c', 'results.json'), 'utf8')) as RunResults;
    // The fixture was written before `observed` existed: the merge counts it 0.
    expect(merged.summary).toEqual({ ...full.summary, observed: 0 });
    expect(merged.checks).toHaveLength(full.checks.length);
    expect(merged.uncovered).toEqual(full.uncovered);
    expect(stdout).toContain('Totals: 162 passed · 0 observed · 4 failed · 3 warnings · 3 skipped · 1 error');
    expect(stdout).toContain(`Merged 2 shard report(s) into ${path.join(work, 'c')}`);
  });

  it('exits 2 naming a missing results.json', async () => {
    const { code, stderr } = await spawnCli(['merge-reports', 'a', 'empty']);
    expect(code).toBe(2);
    expect(stderr).toContain(`${path.join(work, 'empty', 'results.json')}: not found`);
  });
});

describe('mergeReportsCommand', () => {
  it('exits 2 naming a malformed results.json, and writes nothing', async () => {
    const out = path.join(work, 'never');
    const { code, stderr } = await runInProcess([path.join(work, 'a'), path.join(work, 'broken'), '--report-dir', out]);
    expect(code).toBe(2);
    expect(stderr.join('\n')).toContain(`${path.join(work, 'broken', 'results.json')}: is not valid JSON`);
    await expect(readdir(out)).rejects.toThrow();
  });

  it('defaults the report directory to reports/merged', () => {
    expect(resolveMergeReportsOptions(['x'], '/tmp/p')).toEqual({
      shardDirs: ['/tmp/p/x'],
      reportDir: '/tmp/p/reports/merged',
    });
  });

  it.each([
    [[], 'name at least one shard report directory'],
    [['a', '--report-dirr', 'x'], 'unknown flag --report-dirr (did you mean --report-dir?)'],
    [['a', '--report-dir', ''], '--report-dir must not be empty'],
  ])('refuses %j with a usage error', (args, message) => {
    expect(() => resolveMergeReportsOptions(args, work)).toThrow(UsageError);
    expect(() => resolveMergeReportsOptions(args, work)).toThrow(message);
  });
});
