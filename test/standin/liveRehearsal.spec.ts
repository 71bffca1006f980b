/**
 * The nightly path rehearsed end to end (issue 18): the spawned CLI runs `run --target sandbox --live-origin` against
 * a sandbox stand-in (a real loopback server: the checks run in vitest workers, where nock could not answer), with
 * the credentials in the environment. Narrowed so the file stays under 90 s on a loaded 2-core machine: the
 * contract and properties suites for the settled run (properties at 6 cases a check: clients named by generated
 * bodies and renamed by PUT, which must carry the run's prefix to be swept, decisions.md #75), semantics (stopped
 * after its third create) for the interrupted and the killed ones, smoke for the two concurrent ones, and one
 * requirement's checks against a stand-in with one reference choice on, whose `diff` against the contract run must
 * alert. The full suites, with the live defaults, are the rehearsal job of .github/workflows/nightly-sandbox.yml.
 * Loopback only; every run is bounded by --max-requests.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPackageRoot } from '../../src/engine/index.js';
import type { RunResults } from '../../src/model/checkRecord.js';
import { startStandin, type RunningStandin, type StoreDump } from '../../src/standin/server.js';

const packageRoot = findPackageRoot();
const bin = join(packageRoot, 'bin', 'cis-conformance.js');
const SECRETS = { client: 'standin-only-secret-7b1e0c', admin: 'standin-only-secret-admin-4d92a1' };
const ENV = {
  ...process.env,
  CIS_CLIENT_ID: 'standin-client',
  CIS_CLIENT_SECRET: SECRETS.client,
  CIS_ADMIN_CLIENT_ID: 'standin-admin',
  CIS_ADMIN_CLIENT_SECRET: SECRETS.admin,
  NO_COLOR: '1',
};
/** Loopback pace: the stand-in's limit sits below what two runs together may send, so 429s can happen. */
const LOOPBACK = ['--rate', '50', '--max-requests', '3000'];
const RUN_TIMEOUT_MS = 150_000;
const SETTLED = new Set(['passed', 'warning', 'observed', 'skipped']);

interface Finished {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

let work: string;
const standins: RunningStandin[] = [];
/** The settled contract run's report folder, once it has finished: the drift test's baseline. */
let settled: (dir: string | undefined) => void = () => undefined;
const settledRun = new Promise<string | undefined>((resolve) => (settled = resolve));
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'cis-rehearsal-'));
});
afterAll(async () => {
  await Promise.all(standins.map((s) => s.close()));
  await rm(work, { recursive: true, force: true });
});

/** A stand-in of its own per test (so the tests can run at once) and its store before any run. */
async function freshStandin(seed: number, choices?: string[]): Promise<{ standin: RunningStandin; before: StoreDump }> {
  const standin = await startStandin({
    packageRoot,
    conditions: { rateLimitPerSecond: 20, unavailableRate: 0.1, seed, latencyMs: 5 },
    ...(choices ? { choices } : {}),
  });
  standins.push(standin);
  return { standin, before: standin.dump() };
}

/** Spawns a CLI command in its own process group; `onStdout` sees the output so far and may signal the child. */
function cli(args: readonly string[], onStdout?: (stdout: string, pid: number) => void): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn('node', [bin, ...args], { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: ENV });
    let stdout = '';
    let stderr = '';
    const killer = setTimeout(() => child.pid !== undefined && process.kill(-child.pid, 'SIGKILL'), RUN_TIMEOUT_MS);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (child.pid !== undefined) onStdout?.(stdout, child.pid);
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(killer);
      resolve({ code, stdout, stderr });
    });
  });
}

const liveRun = (
  standin: RunningStandin,
  dir: string,
  /** A suite list (`contract,semantics`), or options (`--check ID`, `--suite S --runs N`) as they are typed. */
  selection: string,
  seed: number,
  onStdout?: (stdout: string, pid: number) => void,
) =>
  cli(
    ['run', '--target', 'sandbox', '--live-origin', standin.origin, '--seed', String(seed)].concat(
      selection.startsWith('--') ? selection.split(' ') : ['--suite', selection],
      LOOPBACK,
      ['--report-dir', dir],
    ),
    onStdout,
  );

const results = (dir: string): RunResults => JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as RunResults;

interface LedgerLine {
  readonly event: string;
  readonly id?: string;
  readonly outcome?: string;
}
function ledgerLines(dir: string): LedgerLine[] {
  const files = readdirSync(dir).filter((f) => /^ledger-.*\.jsonl$/.test(f));
  expect(files).toHaveLength(1);
  return readFileSync(join(dir, files[0] as string), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as LedgerLine);
}
const createdIds = (lines: LedgerLine[]) => lines.filter((l) => l.event === 'created').map((l) => l.id as string);
/** Clients the ledger says were created and not yet deleted. */
const liveIds = (lines: LedgerLine[]) => {
  const done = new Set(lines.filter((l) => l.event === 'done').map((l) => l.id));
  return createdIds(lines).filter((id) => !done.has(id));
};
const deletedIds = (lines: LedgerLine[]) =>
  lines.filter((l) => l.event === 'done' && l.outcome === 'deleted').map((l) => l.id as string);

/** `passed 49, observed 5, …`, for the log. */
function verdicts(res: RunResults): string {
  const counts = new Map<string, number>();
  for (const check of res.checks) counts.set(check.verdict, (counts.get(check.verdict) ?? 0) + 1);
  return [...counts].map(([verdict, n]) => `${verdict} ${n}`).join(', ');
}

function ledgerSummary(dir: string): string {
  const lines = ledgerLines(dir);
  return `created ${createdIds(lines).length}, deleted ${deletedIds(lines).length}`;
}

/** Every file of the report folder, as text. */
function reportText(dir: string): string {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((file) => {
      try {
        return readFileSync(join(dir, file), 'utf8');
      } catch {
        return ''; // a folder
      }
    })
    .join('\n');
}

// The three tests run at once, each against its own stand-in: the file's wall time is the longest one's.
describe.concurrent('live mode rehearsed against the sandbox stand-in (spawned CLI)', () => {
  it(
    'a run ends every check settled, deletes all it created, leaves the tenant as it was and writes no secret',
    async () => {
      const { standin, before } = await freshStandin(18);
      const dir = join(work, 'full');
      let run: Finished;
      try {
        // Properties at 6 cases a check (3 valid creates, 3 renames by PUT): enough to show that every client they
        // name is swept, within the file's time.
        run = await liveRun(standin, dir, '--suite contract,properties --runs 6', 1);
      } finally {
        settled(existsSync(join(dir, 'results.json')) ? dir : undefined);
      }
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const res = results(dir);
      expect(res.run.target).toBe(`sandbox-standin ${standin.origin}`);
      expect(res.runErrors).toEqual([]);
      expect(res.checks.length).toBeGreaterThan(80);
      for (const check of res.checks) {
        expect(SETTLED.has(check.verdict), `${check.id}: ${check.verdict} ${check.message}`).toBe(true);
        if (check.verdict === 'skipped') expect(check.message, check.id).not.toBe('');
      }
      expect(res.checks.filter((c) => c.verdict === 'passed').length).toBeGreaterThan(40);
      const ledger = ledgerLines(dir);
      const created = createdIds(ledger);
      expect(created.length).toBeGreaterThan(10);
      expect(deletedIds(ledger).sort()).toEqual([...created].sort());
      expect(standin.dump()).toEqual(before);
      console.log(`settled run: ${verdicts(res)}; ${ledgerSummary(dir)}`);
      const text = reportText(dir);
      for (const secret of Object.values(SECRETS)) expect(text).not.toContain(secret);
      expect(run.stdout).not.toContain(SECRETS.client);
    },
    RUN_TIMEOUT_MS,
  );

  it(
    'a run interrupted with SIGINT to its process group, then `cleanup --ledger`, leaves the tenant as it was',
    async () => {
      const { standin, before } = await freshStandin(19);
      const dir = join(work, 'interrupted');
      let signalled = false;
      let pid: number | undefined;
      // SIGINT once the run has created a few clients: some are then live on the stand-in, maybe one mid-create.
      const poll = setInterval(() => {
        if (signalled || pid === undefined) return;
        const files = existsSync(dir) ? readdirSync(dir).filter((f) => /^ledger-.*\.jsonl$/.test(f)) : [];
        const text = files.length === 1 ? readFileSync(join(dir, files[0] as string), 'utf8') : '';
        if ((text.match(/"event":"created"/g) ?? []).length >= 3) {
          signalled = true;
          process.kill(-pid, 'SIGINT'); // the whole group, as Ctrl-C in a terminal: vitest's workers die too
        }
      }, 50);
      const run = await liveRun(standin, dir, 'semantics', 2, (_stdout, child) => (pid = child)).finally(() =>
        clearInterval(poll),
      );
      expect(signalled).toBe(true);
      expect(run.code).toBe(2);
      expect(results(dir).runErrors.join('\n')).toMatch(/interrupted/);
      const cleanup = await cli(['cleanup', '--ledger', dir, '--target', 'sandbox', '--live-origin', standin.origin]);
      expect(cleanup.stderr).toBe('');
      expect(cleanup.code).toBe(0);
      console.log(`interrupted: ${verdicts(results(dir))}; ${ledgerSummary(dir)}; cleanup: ${cleanup.stdout.trim()}`);
      expect(standin.dump()).toEqual(before);
    },
    RUN_TIMEOUT_MS,
  );

  it(
    'a run killed outright (SIGKILL to its process group) leaves its clients; `cleanup --ledger` deletes exactly those',
    async () => {
      const { standin, before } = await freshStandin(22);
      const dir = join(work, 'killed');
      let pid: number | undefined;
      let killed = false;
      const poll = setInterval(() => {
        if (killed || pid === undefined) return;
        const files = existsSync(dir) ? readdirSync(dir).filter((f) => /^ledger-.*\.jsonl$/.test(f)) : [];
        if (files.length !== 1) return;
        // Once two creates are in and a client of the run is live (created, not yet deleted by its check).
        let lines: LedgerLine[];
        try {
          lines = ledgerLines(dir);
        } catch {
          return; // a line half-written: the next poll reads it whole
        }
        if (createdIds(lines).length >= 2 && liveIds(lines).length > 0) {
          killed = true;
          process.kill(-pid, 'SIGKILL'); // no sweep: only the ledger knows what the run created
        }
      }, 20);
      await liveRun(standin, dir, 'semantics', 5, (_stdout, child) => (pid = child)).finally(() => clearInterval(poll));
      expect(killed).toBe(true);
      const left = standin.dump().clients.length - before.clients.length;
      expect(left).toBeGreaterThan(0);
      const cleanup = await cli(['cleanup', '--ledger', dir, '--target', 'sandbox', '--live-origin', standin.origin]);
      expect(cleanup.code, cleanup.stderr).toBe(0);
      expect(cleanup.stdout).toMatch(new RegExp(`: ${left} deleted, 0 already gone, 0 left\\.`));
      expect(standin.dump()).toEqual(before);
      console.log(
        `killed: ${left} client(s) left on the stand-in; cleanup: ${cleanup.stdout.trim().split('\n').at(-1)}`,
      );
    },
    RUN_TIMEOUT_MS,
  );

  it(
    'two concurrent runs against one stand-in each delete only what they created and leave the tenant as it was',
    async () => {
      const { standin, before } = await freshStandin(20);
      const [a, b] = [join(work, 'concurrent-a'), join(work, 'concurrent-b')];
      const runs = await Promise.all([liveRun(standin, a, 'smoke', 3), liveRun(standin, b, 'smoke', 4)]);
      for (const run of runs) expect(run.code, run.stderr).toBe(0);
      const [ledgerA, ledgerB] = [ledgerLines(a), ledgerLines(b)];
      expect(createdIds(ledgerA).length).toBeGreaterThan(0);
      expect(createdIds(ledgerB).length).toBeGreaterThan(0);
      expect(createdIds(ledgerA).filter((id) => createdIds(ledgerB).includes(id))).toEqual([]);
      expect(deletedIds(ledgerA).sort()).toEqual(createdIds(ledgerA).sort());
      expect(deletedIds(ledgerB).sort()).toEqual(createdIds(ledgerB).sort());
      expect(standin.dump()).toEqual(before);
    },
    RUN_TIMEOUT_MS,
  );

  it(
    '`diff` of the contract run and a run against a stand-in with one choice switched on shows the drift',
    async () => {
      const { standin } = await freshStandin(21, ['oauth-error-bodies']);
      const dir = join(work, 'changed');
      // One requirement's checks: its observations are the ones the choice changes.
      const run = await liveRun(standin, dir, '--check CLIENTS-CREATE-AUTH-ERROR-BODY', 1);
      expect(run.code, run.stderr).toBe(0);
      const baseline = await settledRun;
      expect(baseline, 'the settled contract run wrote no results').toBeDefined();
      const diff = await cli(['diff', join(baseline as string, 'results.json'), join(dir, 'results.json')]);
      // Exit 1 is the alert: the 401 bodies the contract suite observes are RFC 6750 ones now.
      expect(diff.code, diff.stderr).toBe(1);
      expect(diff.stdout).toMatch(/^DRIFT: 0 new failure\(s\).* [1-9]\d* changed observation\(s\)$/m);
      // Checks of the other requirements are only in the baseline: reported as removed, which alone does not alert.
      expect(diff.stdout).toMatch(/[1-9]\d* removed check\(s\)/);
      expect(diff.stdout).toMatch(/CLIENTS-CREATE-AUTH-ERROR-BODY/);
    },
    RUN_TIMEOUT_MS,
  );
});

describe('after the rehearsals', () => {
  it('the stand-ins saw real traffic: 429s and 503s (GET/PUT/DELETE only) that the runs rode out', () => {
    expect(standins).toHaveLength(5);
    const stats = standins.map((s) => s.stats());
    console.log(`stand-in traffic: ${JSON.stringify(stats)}`);
    const total = (key: 'requests' | 'unavailable') => stats.reduce((sum, s) => sum + s[key], 0);
    expect(total('requests')).toBeGreaterThan(100);
    expect(total('unavailable')).toBeGreaterThan(0);
  });
});
