import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/cli/command.js';
import { runCli } from '../../src/cli/cli.js';
import { closestName, editDistance } from '../../src/cli/flags.js';
import { loadResults } from '../reporters/fixtures.js';

const packageRoot = fileURLToPath(new URL('../../', import.meta.url));
const bin = join(packageRoot, 'bin/cis-conformance.js');

async function cli(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = {
    stdout: (l) => out.push(l),
    stderr: (l) => err.push(l),
    stopSignal: new Promise(() => undefined),
  };
  const code = await runCli(args, io);
  return { code, out, err };
}

describe('cis-conformance --version', () => {
  it('prints the version of package.json and exits 0', async () => {
    const { version } = JSON.parse(await readFile(join(packageRoot, 'package.json'), 'utf8')) as { version: string };
    expect(version).toMatch(/^\d+\.\d+\.\d+/);
    const { code, out, err } = await cli(['--version']);
    expect({ code, out, err }).toEqual({ code: 0, out: [version], err: [] });
  });

  it('is listed by the top-level help', async () => {
    expect((await cli(['--help'])).out.join('\n')).toContain('cis-conformance --version');
  });
});

describe('usage errors', () => {
  it('are the error with the closest flag and a pointer to --help, not the whole help (exit 2)', async () => {
    const { code, out, err } = await cli(['run', '--sed', '1']);
    expect(code).toBe(2);
    expect(out).toEqual([]);
    expect(err).toEqual([
      'cis-conformance run: unknown flag --sed (did you mean --seed?)',
      'Run `cis-conformance run --help` for the options.',
    ]);
  });

  it('suggest nothing when no flag is close', async () => {
    const { err } = await cli(['serve', '--completely-different']);
    expect(err[0]).toBe('cis-conformance serve: unknown flag --completely-different');
    expect(err).toHaveLength(2);
  });

  it('name the closest command to an unknown one and point to the top-level help', async () => {
    const { code, err } = await cli(['rnu']);
    expect(code).toBe(2);
    expect(err).toEqual([
      "cis-conformance: unknown command 'rnu' (did you mean run?)",
      'Run `cis-conformance --help` for the commands.',
    ]);
  });

  it.each([
    ['-1', "--seed must be a whole number from 0 to 2147483647, got '-1'"],
    ['-7.5', "--seed must be a whole number from 0 to 2147483647, got '-7.5'"],
    ['1.5', "--seed must be a whole number from 0 to 2147483647, got '1.5'"],
  ])('refuse --seed %s naming the flag and the accepted range', async (seed, message) => {
    const { code, err } = await cli(['run', '--seed', seed]);
    expect(code).toBe(2);
    expect(err[0]).toBe(`cis-conformance run: ${message}`);
    expect(err.join('\n')).not.toMatch(/ambiguous/);
  });

  it('say which flag lacks its value', async () => {
    expect((await cli(['run', '--seed'])).err[0]).toBe('cis-conformance run: --seed needs a value');
    expect((await cli(['run', '--seed', '--strict'])).err[0]).toMatch(/^cis-conformance run: --seed needs a value/);
  });

  it('refuse an empty --report-dir before anything runs', async () => {
    const { code, err } = await cli(['run', '--report-dir', '']);
    expect(code).toBe(2);
    expect(err[0]).toBe('cis-conformance run: --report-dir must name a folder (it is empty)');
  });
});

describe('a report folder that cannot be created', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cis-cli-'));
    await writeFile(join(dir, 'a-file'), 'x');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('is one line naming the folder, no stack trace, exit 2, before the run starts', async () => {
    const folder = join(dir, 'a-file', 'reports');
    const { code, out, err } = await cli(['run', '--suite', 'smoke', '--report-dir', folder]);
    expect(code).toBe(2);
    expect(out).toEqual([]); // the run never started
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(new RegExp(`^cis-conformance run: cannot use the report folder ${folder} \\(ENOTDIR`));
    expect(err[0]).not.toMatch(/\n\s+at /);
  });
});

describe('closestName', () => {
  it('answers the nearest candidate within a typo distance, else nothing', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('rnu', 'run')).toBe(1);
    expect(closestName('--reportdir', ['--report-dir', '--runs'])).toBe('--report-dir');
    expect(closestName('--sed', ['--seed', '--suite'])).toBe('--seed');
    expect(closestName('--xyz', ['--seed', '--suite'])).toBeUndefined();
  });
});

/** Spawns the real binary with its stdout closed by the reader before it writes anything. */
function withClosedStdout(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy(); // `| head -0`: the pipe is gone before the first line
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe.concurrent('a closed stdout (EPIPE)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cis-epipe-'));
    const results = JSON.stringify(loadResults('run-mixed'));
    await writeFile(join(dir, 'old.json'), results);
    await writeFile(join(dir, 'new.json'), results);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it.each([
    [['serve', '--list-faults'], 0],
    [['serve', '--list-choices'], 0],
    [['diff', 'OLD', 'NEW'], 0],
  ])('%j ends quietly with its own exit code', { timeout: 120_000 }, async (args, exitCode) => {
    const resolved = args.map((a) => (a === 'OLD' ? join(dir, 'old.json') : a === 'NEW' ? join(dir, 'new.json') : a));
    const { code, stderr } = await withClosedStdout(resolved);
    expect(stderr).toBe('');
    expect(code).toBe(exitCode);
  });
});
