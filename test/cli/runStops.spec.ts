/**
 * A run that never lies and never hangs (issue 14), end to end through the spawned CLI: Ctrl-C to the process
 * group half-way, a target that hangs after the pre-flight, and nothing listening. Each run still writes the four
 * reports with every planned check, the ones it did not finish `error` with the reason, and exits 2.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPackageRoot } from '../../src/engine/packageRoot.js';
import type { RunResults } from '../../src/model/checkRecord.js';

const bin = join(findPackageRoot(), 'bin', 'cis-conformance.js');
const SUITES = ['--suite', 'smoke', 'contract'];
const REPORTS = ['results.json', 'junit.xml', 'index.html', 'summary.md'];
const RUN_TIMEOUT_MS = 120_000;

interface Finished {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

let work: string;
/** The check ids of an uninterrupted run against the embedded reference with the arguments every run shares. */
let planned: string[];
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'cis-run-stops-'));
  const full = join(work, 'full');
  const whole = await runCli(['--seed', '1', ...SUITES, '--report-dir', full]);
  expect(whole.code).toBe(0);
  planned = ids(await results(full));
}, RUN_TIMEOUT_MS);
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/**
 * Spawns `run` in its own process group; `onStdout` sees the output so far and may signal the child, `onStart` gets
 * its pid, `onStderr` the error output so far.
 */
function runCli(
  args: readonly string[],
  onStdout?: (stdout: string, pid: number) => void,
  hooks: { onStart?: (pid: number) => void; onStderr?: (stderr: string, pid: number) => void } = {},
): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn('node', [bin, 'run', ...args], { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const killer = setTimeout(() => child.kill('SIGKILL'), RUN_TIMEOUT_MS);
    if (child.pid !== undefined) hooks.onStart?.(child.pid);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (child.pid !== undefined) onStdout?.(stdout, child.pid);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (child.pid !== undefined) hooks.onStderr?.(stderr, child.pid);
    });
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(killer);
      resolve({ code, stdout, stderr });
    });
  });
}

async function results(dir: string): Promise<RunResults> {
  return JSON.parse(await readFile(join(dir, 'results.json'), 'utf8')) as RunResults;
}

const ids = (r: RunResults): string[] => r.checks.map((c) => c.id).sort();

describe('cis-conformance run: every planned check is accounted for (spawned)', () => {
  it(
    'on SIGINT to the process group half-way: exit 2, every planned check, the unrun ones error "interrupted"',
    async () => {
      expect(planned.length).toBeGreaterThan(50);
      const dir = join(work, 'interrupted');
      let signalled = false;
      // The console prints a count line every 50 checks: the first one means the run is half-way.
      const interrupted = await runCli(['--seed', '1', ...SUITES, '--report-dir', dir], (stdout, pid) => {
        if (!signalled && /^\[[1-9]\d*\/\d+\]/m.test(stdout)) {
          signalled = true;
          process.kill(-pid, 'SIGINT'); // the whole group, as Ctrl-C in a terminal: vitest's workers die too
        }
      });
      expect(signalled).toBe(true);
      expect(interrupted.code).toBe(2);
      // Every planned check, under the id it has in an uninterrupted run with the same arguments.
      const run = await results(dir);
      expect(ids(run)).toEqual(planned);
      const unrun = run.checks.filter((c) => c.verdict !== 'passed' && c.verdict !== 'observed');
      expect(unrun.length).toBeGreaterThan(0);
      for (const check of unrun) expect(check).toMatchObject({ verdict: 'error', message: 'not run: interrupted' });
      expect(run.runErrors).toEqual(['the run was interrupted: the checks it did not finish are errors "interrupted"']);
      for (const file of REPORTS) expect(existsSync(join(dir, file))).toBe(true);
      // The interruption is said once, not once per check.
      expect(interrupted.stdout).not.toMatch(/^E error/m);
    },
    RUN_TIMEOUT_MS,
  );

  describe('against a target that answers the pre-flight and then hangs', () => {
    let server: Server;
    let url: string;
    /** Called at each request the target holds (every one after the pre-flight). */
    let onHeld: () => void = () => undefined;
    beforeAll(async () => {
      let preflightAnswered = false;
      server = createServer((req, res) => {
        if (preflightAnswered) return onHeld(); // never answers again
        if (req.method === 'GET' && req.url === '/v1/clients') preflightAnswered = true;
        res.writeHead(req.method === 'GET' ? 401 : 404, { 'content-type': 'application/json' }).end('{}');
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    });

    it(
      'gives up after 2 × --timeout without an answer: every planned check error, exit 2',
      async () => {
        const dir = join(work, 'hang');
        const run = await runCli(['--seed', '1', ...SUITES, '--timeout', '500', '--target', url, '--report-dir', dir]);
        expect(run.code).toBe(2);
        const res = await results(dir);
        expect(ids(res)).toEqual(planned);
        // Every check is an error, but those that never reach the target: a check that needs the state hook is
        // skipped before its first request, saying so (this target has none).
        for (const check of res.checks) {
          if (check.verdict === 'skipped') expect(check.message).toMatch(/^needs the state hook/);
          else expect(check.verdict).toBe('error');
        }
        expect(res.runErrors.join('\n')).toMatch(/the target stopped answering: no answer for 1 s \(2 × --timeout\)/);
        // Without the give-up each of the checks would wait out its own time-out, one after another.
        const notRun = res.checks.filter((c) => c.message.startsWith('not run: the target stopped answering'));
        expect(notRun.length).toBeGreaterThan(res.checks.length / 2);
        for (const file of REPORTS) expect(existsSync(join(dir, file))).toBe(true);
      },
      RUN_TIMEOUT_MS,
    );

    // The first signal goes to the main process alone (`kill -TERM pid`, a supervisor's stop): the workers live on,
    // so the checks under way hold the winding-down for their whole --timeout (60 s). The second, to the group as
    // Ctrl-C, must not wait for them: it exits at once, without reports.
    it.each([
      ['SIGTERM', 'SIGINT', 130],
      ['SIGINT', 'SIGTERM', 143],
    ] as const)(
      'a second signal while it winds down (first %s, then %s to the group) exits at once with %i, no reports',
      async (first, second, code) => {
        const dir = join(work, `twice-${second}`);
        let mainPid: number | undefined;
        let firstSent = false;
        let secondSent = false;
        onHeld = () => {
          if (firstSent || mainPid === undefined) return;
          firstSent = true;
          process.kill(mainPid, first);
        };
        const args = ['--seed', '1', ...SUITES, '--timeout', '60000', '--target', url, '--report-dir', dir];
        const run = await runCli(args, undefined, {
          onStart: (pid) => (mainPid = pid),
          onStderr: (stderr, pid) => {
            // The run says it took the first signal: only then is the second one a second.
            if (secondSent || !stderr.includes(`cis-conformance: ${first}: winding down`)) return;
            secondSent = true;
            process.kill(-pid, second);
          },
        });
        onHeld = () => undefined;
        expect([firstSent, secondSent]).toEqual([true, true]);
        expect(run.code).toBe(code);
        expect(run.stderr.trim().split('\n').at(-1)).toBe(
          `cis-conformance: stopped at once on a second ${second}: the reports were not written`,
        );
        for (const file of REPORTS) expect(existsSync(join(dir, file)), file).toBe(false);
      },
      RUN_TIMEOUT_MS,
    );
  });

  it(
    'with nothing listening: one line, exit 2, the four reports, every planned check error with the reason',
    async () => {
      const closed = createServer();
      await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
      const port = (closed.address() as AddressInfo).port;
      await new Promise((resolve) => closed.close(resolve));

      const dir = join(work, 'dead');
      const run = await runCli([
        '--seed',
        '1',
        ...SUITES,
        '--timeout',
        '500',
        '--target',
        `http://127.0.0.1:${port}`,
        '--report-dir',
        dir,
      ]);
      expect(run.code).toBe(2);
      for (const file of REPORTS) expect(existsSync(join(dir, file))).toBe(true);
      const res = await results(dir);
      expect(ids(res)).toEqual(planned);
      for (const check of res.checks) {
        expect(check).toMatchObject({ verdict: 'error', message: expect.stringMatching(/is unreachable \(refused/) });
      }
      expect(res.runErrors).toHaveLength(1);
      expect(run.stdout.match(/^E .*$/gm)).toEqual([
        expect.stringMatching(/^E run error: no check ran, nothing answers HTTP: target .* is unreachable/),
      ]);
    },
    RUN_TIMEOUT_MS,
  );
});
