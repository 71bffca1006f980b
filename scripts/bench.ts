/**
 * `npm run bench`: the harness's speed and the cost of catching each seeded fault.
 *
 *  1. A full default run (all suites, embedded reference, default fast-check runs): wall time, checks, requests.
 *  2. Throughput on one reference served in its own process (`cis-conformance serve`): the requests per second a
 *     full harness run drives against it over loopback, beside the raw rate autocannon reaches on the same server
 *     (`GET /v1/clients/{id}` with a valid token, 2 connections, 5 s). The ratio is the figure.
 *  3. Time and requests to kill each fault (reference/faults.ts): its targeted run, fail-fast, one at a time.
 *  4. The second opinion: a full run against the reference with `--choices alternate` (reference/choices.ts), whose
 *     failed count must be 0 (docs/decisions.md), and the default run's checks and requests beside the figures
 *     before issue 13's checks (scripts/benchBaseline.json).
 *  5. Memory (scripts/benchMemory.ts): the peak RSS of the largest process of a run against normal answers and of
 *     the same run against answers padded to 4 MiB, which must stay within 100 MB of it, and finish. These runs
 *     use --memory-runs property cases (default 10: a full default run against 4 MiB answers moves ~23 GB over
 *     loopback; the record of a check is bounded whatever its request count, so fewer cases measure the same peak).
 *
 *  6. Across a network (issue 15): the full run against the served reference behind a loopback delay proxy adding
 *     0, 25 and 100 ms to every answer, with the CLI's defaults (--concurrency, workers), and at 25 ms one check at
 *     a time for comparison (scripts/bench/latencyRows.ts); and the nightly profile's wall time on loopback.
 *
 * Prints tables and writes reports/bench/bench.json. Options: --seed N (default 1), --skip-kills, --skip-latency,
 * --skip-memory,
 * --only latency (section 6 alone), --only memory (the memory row alone, written to reports/bench/memory.json),
 * --memory-runs N, --memory-suites A,B (default contract,semantics; empty: all).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { FAULTS } from '../reference/faults.js';
import { DEFAULT_RUNS, DEFAULT_TIMEOUT_MS } from '../src/cli/options.js';
import { DEFAULT_CONCURRENCY, findPackageRoot, listSuites, type RunConfig } from '../src/engine/index.js';
import { resolveProfile } from '../src/engine/profiles.js';
import { latencyRows, type LatencyRow } from './bench/latencyRows.js';
import { createMinter } from '../src/issuer/minter.js';
import type { RunEvent } from '../src/model/events.js';
import { coverageOf, killFault, type FaultOutcome } from '../src/mutants/index.js';
import { loadCatalog } from '../src/catalog/catalog.js';
import { requestsOf } from '../src/model/checkRecord.js';
import { runConformance } from '../src/engine/index.js';
import { MEMORY_ALLOWANCE_MB, memoryRow, type MemoryRow } from './benchMemory.js';

const AUTOCANNON_CONNECTIONS = 2;
const AUTOCANNON_SECONDS = 5;

/** The part of autocannon's result this script reads (the package ships no types). */
interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
}
type Autocannon = (options: Record<string, unknown>) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const packageRoot = findPackageRoot();
const { values } = parseArgs({
  options: {
    seed: { type: 'string' },
    'skip-kills': { type: 'boolean' },
    'skip-latency': { type: 'boolean' },
    'skip-memory': { type: 'boolean' },
    only: { type: 'string' },
    'memory-runs': { type: 'string' },
    'memory-suites': { type: 'string' },
  },
});
if (values.only !== undefined && values.only !== 'latency' && values.only !== 'memory') {
  console.error(`bench: --only ${values.only}: the sections that run alone are 'latency' and 'memory'`);
  process.exit(2);
}
const seed = Number(values.seed ?? 1);
const DEFAULT_MEMORY_RUNS = 10;
const memoryRuns = Number(values['memory-runs'] ?? DEFAULT_MEMORY_RUNS);
if (!Number.isInteger(memoryRuns) || memoryRuns < 1) {
  console.error(`bench: --memory-runs takes a whole number of 1 or more (got '${values['memory-runs']}')`);
  process.exit(2);
}
// The memory row's runs: a few suites, not all (every answer of the big run is 4 MiB to move, parse and redact:
// a full run against it took 20 minutes on the 2-core machine).
const memorySuites = (values['memory-suites'] ?? 'contract,semantics').split(',').filter((s) => s !== '');
const workers = availableParallelism();
const runConfig = (target: RunConfig['target'], overrides: Partial<RunConfig> = {}): RunConfig => ({
  target,
  suites: [],
  seed,
  runs: DEFAULT_RUNS,
  strict: false,
  reportDir: '/unused',
  requestTimeoutMs: DEFAULT_TIMEOUT_MS,
  ...overrides,
});

/** How a timed run is set up: the bench's own workers (all cores) unless `cliDefaults` asks for what `run` does. */
interface TimedRunOptions {
  readonly config?: Partial<RunConfig>;
  /** No maxWorkers: vitest's default, as `cis-conformance run` without --workers. */
  readonly cliDefaults?: boolean;
}

/** One run, with its request count and the window in which checks were running. */
async function timedRun(target: RunConfig['target'], options: TimedRunOptions = {}) {
  const started = performance.now();
  let firstCheckAt: number | undefined;
  let lastCheckAt = started;
  const onEvent = (event: RunEvent): void => {
    if (event.type !== 'check-finished') return;
    const now = performance.now();
    firstCheckAt ??= now - event.record.durationMs;
    lastCheckAt = now;
  };
  const { results } = await runConformance(runConfig(target, options.config), {
    packageRoot,
    onEvent,
    ...(options.cliDefaults ? {} : { maxWorkers: workers }),
  });
  const wallMs = performance.now() - started;
  const requests = results.checks.reduce((sum, c) => sum + requestsOf(c), 0);
  const checkWindowMs = lastCheckAt - (firstCheckAt ?? started);
  return {
    results,
    figures: {
      wallMs: Math.round(wallMs),
      checks: results.checks.length,
      summary: results.summary,
      requests,
      requestsPerSecond: round(requests / (wallMs / 1000)),
      checkPhaseMs: Math.round(checkWindowMs),
      checkPhaseRequestsPerSecond: round(requests / (checkWindowMs / 1000)),
    },
  };
}

/** `cis-conformance serve` in its own process, so neither the harness nor autocannon shares its event loop. */
async function serveReference(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [join(packageRoot, 'bin', 'cis-conformance.js'), 'serve', '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`serve did not start within 30 s: ${seen}`)), 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      seen += chunk.toString('utf8');
      const match = /listening on (http:\/\/\S+)/.exec(seen);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${seen}`)));
  });
  return { url, child };
}

/** The raw rate: one client read, over and over, with a token that may read it. */
async function rawRate(url: string) {
  const minter = await createMinter({ packageRoot });
  const spec = { tenantId: 'bench-tenant', appId: 'bench-app', appName: 'bench', clientId: 'bench-client' };
  const token = await minter.client({ ...spec, permissions: ['apps:create', 'apps:read'] });
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const created = await fetch(`${url}/v1/clients`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ name: 'bench client', redirect_uris: ['https://bench.example.test/cb'] }),
  });
  const { result } = (await created.json()) as { result: { client_id: string } };
  const result2 = await autocannon({
    url: `${url}/v1/clients/${result.client_id}`,
    headers: { authorization: headers.authorization },
    connections: AUTOCANNON_CONNECTIONS,
    duration: AUTOCANNON_SECONDS,
  });
  return {
    request: 'GET /v1/clients/{clientId}',
    connections: AUTOCANNON_CONNECTIONS,
    seconds: AUTOCANNON_SECONDS,
    requests: result2.requests.total,
    requestsPerSecond: round(result2.requests.average),
    latencyP50Ms: result2.latency.p50,
    latencyP99Ms: result2.latency.p99,
    non2xx: result2.non2xx,
    errors: result2.errors,
  };
}

async function killTimes(coverageRecords: Parameters<typeof coverageOf>[0]): Promise<FaultOutcome[]> {
  const catalog = loadCatalog(packageRoot);
  const context = {
    config: {
      faults: [],
      suites: [],
      seed,
      runs: DEFAULT_RUNS,
      reportDir: '/unused',
      failFast: true,
      requestTimeoutMs: DEFAULT_TIMEOUT_MS,
    },
    coverage: coverageOf(coverageRecords, listSuites(packageRoot)),
    catalog,
    packageRoot,
    maxWorkers: workers,
  };
  const outcomes: FaultOutcome[] = [];
  for (const fault of FAULTS) {
    const outcome = await killFault(fault, context);
    outcomes.push(outcome);
    process.stdout.write(
      `  ${fault.name}: ${outcome.killed ? 'killed' : 'SURVIVED'} (${seconds(outcome.durationMs)})\n`,
    );
  }
  return outcomes;
}

function table(header: readonly string[], rows: readonly (readonly string[])[], rightFrom: number): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i >= rightFrom ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '─'.repeat(w))), ...rows.map(line)];
}

/** Row 5: against one served reference, directly and through the 4 MiB padding proxy. */
async function measureMemory(): Promise<MemoryRow> {
  const { url, child } = await serveReference();
  try {
    return await memoryRow({
      packageRoot,
      seed,
      runs: memoryRuns,
      suites: memorySuites,
      serveUrl: url,
      log: (l) => console.log(l),
    });
  } finally {
    child.kill('SIGTERM');
  }
}

function printMemory(m: MemoryRow): void {
  console.log(`\nMemory: peak RSS of the largest process of a run (CLI or vitest worker), --runs ${m.runs}`);
  for (const l of table(
    ['answers', 'peak RSS', 'in', 'largest worker', 'wall', 'exit', 'verdicts'],
    [
      ['normal (embedded reference)', m.embedded],
      ['normal (served reference)', m.normal],
      [`${m.answerBytes} bytes (served, padded)`, m.big],
    ].map(([name, run]) => {
      const r = run as MemoryRow['big'];
      return [
        name as string,
        r.peakRssMb === null ? 'not measured' : `${r.peakRssMb} MB`,
        r.peakProcess,
        r.workerPeakRssMb === null ? '—' : `${r.workerPeakRssMb} MB`,
        seconds(r.wallMs),
        String(r.exitCode),
        `${r.checks} checks: ${r.summary}${r.unfinished > 0 ? ` (${r.unfinished} unfinished)` : ''}`,
      ];
    }),
    1,
  ))
    console.log(l);
  const limit = m.normal.peakRssMb === null ? 'unknown' : `${m.normal.peakRssMb + MEMORY_ALLOWANCE_MB} MB`;
  console.log(
    `4 MiB answers within normal + ${MEMORY_ALLOWANCE_MB} MB (${limit}): ${m.withinAllowance ? 'yes' : 'NO'}; ` +
      `the run finished: ${m.finished ? 'yes' : 'NO'}`,
  );
  for (const error of m.big.errors) console.log(`  error in the ${m.answerBytes}-byte run: ${error}`);
}

const round = (n: number): number => Math.round(n * 10) / 10;
const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

async function main(): Promise<void> {
  const machine = {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    node: process.version,
    loadAverage1m: round(loadavg()[0] ?? 0),
  };
  console.log(
    `cis-conformance bench · seed ${seed} · ${machine.cpus} cores (${machine.cpuModel}) · node ${machine.node} · load ${machine.loadAverage1m}`,
  );

  if (values.only === 'latency') {
    await latencySection();
    return;
  }
  if (values.only === 'memory') {
    console.log(`\n5. Memory: normal answers, then 4 MiB answers (--runs ${memoryRuns}) …`);
    const memory = await measureMemory();
    if (memory) printMemory(memory);
    const dir = join(packageRoot, 'reports', 'bench');
    await mkdir(dir, { recursive: true });
    const report = { generatedAt: new Date().toISOString(), seed, machine, memory };
    await writeFile(join(dir, 'memory.json'), JSON.stringify(report, null, 2) + '\n');
    console.log(`\nWrote ${join(dir, 'memory.json')}`);
    return;
  }

  console.log('\n1. Full default run (all suites, embedded reference) …');
  const embedded = await timedRun({ kind: 'embedded' });

  console.log('   … and against the reference with --choices alternate');
  const alternate = await timedRun({ kind: 'embedded', choices: 'alternate' });

  console.log('2. Throughput against one served reference …');
  const { url, child } = await serveReference();
  let harness;
  let raw;
  try {
    harness = (await timedRun({ kind: 'url', url })).figures;
    raw = await rawRate(url);
  } finally {
    child.kill('SIGTERM');
  }
  const ratio = round((100 * harness.checkPhaseRequestsPerSecond) / raw.requestsPerSecond);

  let kills: FaultOutcome[] = [];
  if (!values['skip-kills']) {
    console.log(`3. Time and requests to kill each of the ${FAULTS.length} faults (targeted, fail-fast) …`);
    kills = await killTimes(embedded.results.checks);
  }

  let memory: MemoryRow | null = null;
  if (!values['skip-memory']) {
    console.log(`5. Memory: normal answers, then 4 MiB answers (--runs ${memoryRuns}) …`);
    memory = await measureMemory();
  }

  const f = embedded.figures;
  console.log('\nFull default run');
  for (const l of table(
    ['wall', 'checks', 'requests', 'req/s (wall)', 'verdicts'],
    [
      [
        seconds(f.wallMs),
        String(f.checks),
        String(f.requests),
        String(f.requestsPerSecond),
        `${f.summary.passed} passed · ${f.summary.failed} failed · ${f.summary.errors} errors`,
      ],
    ],
    0,
  ))
    console.log(l);
  const a = alternate.figures;
  const baseline = JSON.parse(readFileSync(join(packageRoot, 'scripts', 'benchBaseline.json'), 'utf8')) as {
    commit: string;
    checks: number;
    requests: number;
  };
  console.log(
    '\nDefault run: checks and requests before issue 13 (measured at commit ' + baseline.commit + ') and now',
  );
  for (const l of table(
    ['run', 'checks', 'requests', 'requests / before'],
    [
      [`before (${baseline.commit})`, String(baseline.checks), String(baseline.requests), '1.00'],
      ['now', String(f.checks), String(f.requests), (f.requests / baseline.requests).toFixed(2)],
    ],
    1,
  ))
    console.log(l);
  console.log('\nSecond opinion: the same suites against the default and the alternate reference');
  const alternateWarnings = [
    ...new Set(alternate.results.checks.filter((c) => c.verdict === 'warning').map((c) => c.requirement)),
  ];
  for (const l of table(
    ['reference', 'checks', 'requests', 'passed', 'failed', 'warnings', 'observations', 'skipped', 'errors'],
    [
      ['default', f, embedded.results],
      ['--choices alternate', a, alternate.results],
    ].map(([name, figures, results]) => {
      const fig = figures as typeof f;
      const observed = (results as typeof embedded.results).observations.length;
      return [
        name as string,
        String(fig.checks),
        String(fig.requests),
        String(fig.summary.passed),
        String(fig.summary.failed),
        String(fig.summary.warnings),
        String(observed),
        String(fig.summary.skipped),
        String(fig.summary.errors),
      ];
    }),
    1,
  ))
    console.log(l);
  console.log(`alternate warnings name ${alternateWarnings.length} requirements (see reports/bench/bench.json)`);
  console.log('\nThroughput on one served reference (loopback)');
  for (const l of table(
    ['driver', 'requests', 'req/s', 'notes'],
    [
      [
        'harness, full run',
        String(harness.requests),
        String(harness.checkPhaseRequestsPerSecond),
        `${seconds(harness.checkPhaseMs)} of checks, ${seconds(harness.wallMs)} wall (${harness.requestsPerSecond} req/s over the wall)`,
      ],
      [
        'autocannon',
        String(raw.requests),
        String(raw.requestsPerSecond),
        `${raw.request}, ${raw.connections} connections, ${raw.seconds} s, p50 ${raw.latencyP50Ms} ms, p99 ${raw.latencyP99Ms} ms, non-2xx ${raw.non2xx}`,
      ],
    ],
    1,
  ))
    console.log(l);
  console.log(`harness / raw: ${ratio}%`);
  if (kills.length > 0) {
    console.log('\nTime and requests to kill each fault');
    const rows = kills.map((k) => [
      k.fault,
      k.killed ? 'killed' : 'SURVIVED',
      k.killedBy[0] ?? '—',
      k.firstFailure ? seconds(k.firstFailure.afterMs) : '—',
      k.firstFailure ? String(k.firstFailure.requests) : '—',
      seconds(k.durationMs),
    ]);
    for (const l of table(['fault', 'result', 'first rule broken', 'to 1st failure', 'requests', 'run'], rows, 3))
      console.log(l);
    console.log(`killed ${kills.filter((k) => k.killed).length}/${kills.length}`);
  }
  if (memory) printMemory(memory);

  const latency = values['skip-latency'] ? null : await latencySection();

  const dir = join(packageRoot, 'reports', 'bench');
  await mkdir(dir, { recursive: true });
  const report = {
    latency,
    generatedAt: new Date().toISOString(),
    seed,
    machine,
    fullRun: f,
    beforeIssue13: baseline,
    alternateRun: { ...a, warningRequirements: alternateWarnings },
    throughput: { harness, autocannon: raw, harnessToRawPercent: ratio },
    kills: kills.map((k) => ({
      fault: k.fault,
      killed: k.killed,
      killedBy: k.killedBy,
      firstFailure: k.firstFailure ?? null,
      durationMs: k.durationMs,
      stage: k.attempts.find((a) => a.failed.length > 0)?.stage ?? null,
    })),
    memory,
  };
  await writeFile(join(dir, 'bench.json'), JSON.stringify(report, null, 2) + '\n');
  console.log(`\nWrote ${join(dir, 'bench.json')}`);
}

/** Section 5: the run across a (simulated) network, and the nightly profile. Prints its tables; returns its figures. */
async function latencySection() {
  console.log('\n6. Across a network: the full run behind a delay proxy (CLI defaults: --concurrency, workers) …');
  const { url, child } = await serveReference();
  let rows: LatencyRow[];
  try {
    rows = await latencyRows(
      url,
      [{ delayMs: 0 }, { delayMs: 25 }, { delayMs: 100 }, { delayMs: 25, concurrency: 1 }],
      async (proxyUrl, concurrency) =>
        (
          await timedRun(
            { kind: 'url', url: proxyUrl },
            { cliDefaults: true, config: concurrency !== undefined ? { concurrency } : {} },
          )
        ).figures,
      (line) => console.log(line),
    );
  } finally {
    child.kill('SIGTERM');
  }
  console.log('   … the nightly profile on loopback (embedded reference, CLI defaults)');
  const nightly = (
    await timedRun({ kind: 'embedded' }, { cliDefaults: true, config: { runs: resolveProfile('nightly').runs } })
  ).figures;
  const loopback = rows.find((r) => r.delayMs === 0 && r.concurrency === 'default');
  console.log('\nAcross a network (one served reference behind a loopback delay proxy)');
  for (const l of table(
    [
      'added latency',
      'checks at once',
      'wall',
      'x loopback',
      'checks',
      'requests',
      'in flight (max)',
      'failed',
      'errors',
    ],
    rows.map((r) => [
      `${r.delayMs} ms`,
      String(r.concurrency === 'default' ? `${DEFAULT_CONCURRENCY} (default)` : r.concurrency),
      seconds(r.wallMs),
      loopback ? (r.wallMs / loopback.wallMs).toFixed(2) : '—',
      String(r.checks),
      String(r.requests),
      String(r.maxInFlight),
      String(r.failed),
      String(r.errors),
    ]),
    2,
  ))
    console.log(l);
  console.log(
    `Nightly profile (${resolveProfile('nightly').runs} cases per property), loopback: ${seconds(nightly.wallMs)} wall, ${nightly.checks} checks, ${nightly.requests} requests, ${nightly.summary.failed} failed`,
  );
  return { rows, nightly };
}

await main();
