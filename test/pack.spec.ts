/**
 * The package as a CI gate in another repository gets it: `npm pack` (which builds dist/ through prepack),
 * installed into an empty project with production dependencies only and no TypeScript toolchain, then run.
 * Slow (about a minute: build, install, run), so it is one test.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { findPackageRoot } from '../src/engine/packageRoot.js';

const run = promisify(execFile);
const root = findPackageRoot();
let work: string | undefined;

/** The child must not think it runs inside this vitest worker. */
function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST') && name !== 'NODE_OPTIONS'),
  );
}

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('the packed package', () => {
  it('installs into an empty project and runs the smoke suite against the embedded reference', async () => {
    work = await mkdtemp(join(tmpdir(), 'cis-pack-'));
    const env = cleanEnv();
    const packed = await run('npm', ['pack', '--json', '--pack-destination', work], {
      cwd: root,
      env,
      maxBuffer: 16 * 1024 * 1024,
    });
    const [tarball] = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('['))) as Array<{ filename: string }>;
    if (!tarball) throw new Error(`npm pack produced no tarball: ${packed.stdout}`);
    const project = join(work, 'project');
    await mkdir(project);
    await writeFile(
      join(project, 'package.json'),
      JSON.stringify({ name: 'ci-gate', version: '1.0.0', private: true }),
    );
    await run(
      'npm',
      ['install', '--no-audit', '--no-fund', '--prefer-offline', '--omit=dev', join(work, tarball.filename)],
      { cwd: project, env },
    );
    expect(existsSync(join(project, 'node_modules/typescript'))).toBe(false);
    expect(existsSync(join(project, 'node_modules/tsx'))).toBe(false);

    const reportDir = join(work, 'reports');
    const result = await run('npx', ['cis-conformance', 'run', '--suite', 'smoke', '--report-dir', reportDir], {
      cwd: project,
      env,
    }).then(
      (ok) => ({ code: 0, output: ok.stdout }),
      (failed: { code?: number; stdout?: string; stderr?: string }) => ({
        code: failed.code,
        output: `${failed.stdout}\n${failed.stderr}`,
      }),
    );
    expect(result.code, result.output).toBe(0);
    const results = JSON.parse(await readFile(join(reportDir, 'results.json'), 'utf8')) as {
      summary: { passed: number; failed: number };
    };
    expect(results.summary).toMatchObject({ passed: 3, failed: 0 });
  }, 300_000);
});
