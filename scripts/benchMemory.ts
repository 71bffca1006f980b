/**
 * The bench's memory row (issue 14): the peak RSS of a run against normal answers and of the same run against
 * answers of 4 MiB, each run a `cis-conformance run` child process. The peak is that of the largest process of
 * the run (the CLI process or one of its vitest workers): the process tree is polled every POLL_MS and each
 * process's VmHWM (its own high-water mark, kept by the kernel) read from /proc/<pid>/status, so a peak between
 * two polls is not missed; only a worker that starts and dies between two polls would be (none lives that short).
 * Linux only (/proc); elsewhere the row says it could not measure.
 *
 * The target: one `cis-conformance serve` process; the normal rows reach it directly, the big row through the
 * padding proxy of scripts/bigAnswers.ts. Neither is part of the run's tree, so neither counts.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIG_ANSWER_BYTES, startBigAnswersProxy } from './bigAnswers.js';

/** The clarified target (CLARIFICATIONS.md): 4 MB answers peak at most this much above normal answers. */
export const MEMORY_ALLOWANCE_MB = 100;
const POLL_MS = 100;

export interface MemoryRun {
  readonly target: string;
  readonly peakRssMb: number | null;
  /** Which process of the tree peaked: `cli` or `worker`. */
  readonly peakProcess: string;
  readonly processes: number;
  readonly wallMs: number;
  readonly exitCode: number | null;
  readonly checks: number;
  readonly summary: string;
  /** Checks that ended as errors because the run did not finish them (deadline, interrupted, stopped answering). */
  readonly unfinished: number;
  /** The largest vitest worker's peak (the CLI's is peakRssMb when it is the largest). */
  readonly workerPeakRssMb: number | null;
  /** The first error verdicts' ids and messages, so an error in the row says what it was. */
  readonly errors: readonly string[];
}

export interface MemoryRow {
  readonly runs: number;
  readonly answerBytes: number;
  readonly normal: MemoryRun;
  readonly embedded: MemoryRun;
  readonly big: MemoryRun;
  readonly withinAllowance: boolean;
  readonly finished: boolean;
}

export async function memoryRow(options: {
  packageRoot: string;
  seed: number;
  runs: number;
  /** Suite folders the runs are limited to; empty = all. */
  suites: readonly string[];
  serveUrl: string;
  log: (line: string) => void;
}): Promise<MemoryRow> {
  const proxy = await startBigAnswersProxy(options.serveUrl);
  try {
    const run = (label: string, target: string) => {
      options.log(`   ${label} …`);
      return measuredRun(options.packageRoot, target, options.seed, options.runs, options.suites);
    };
    const embedded = await run('against the embedded reference', 'embedded');
    const normal = await run('against the served reference (normal answers)', options.serveUrl);
    const big = await run(`against the same reference padded to ${BIG_ANSWER_BYTES} bytes an answer`, proxy.url);
    const finished = big.exitCode !== null && big.unfinished === 0 && big.checks > 0;
    const withinAllowance =
      big.peakRssMb !== null && normal.peakRssMb !== null && big.peakRssMb <= normal.peakRssMb + MEMORY_ALLOWANCE_MB;
    return { runs: options.runs, answerBytes: BIG_ANSWER_BYTES, normal, embedded, big, withinAllowance, finished };
  } finally {
    await proxy.close();
  }
}

async function measuredRun(
  packageRoot: string,
  target: string,
  seed: number,
  runs: number,
  suites: readonly string[],
): Promise<MemoryRun> {
  const reportDir = await mkdtemp(join(tmpdir(), 'cis-bench-memory-'));
  const args = [join(packageRoot, 'bin', 'cis-conformance.js'), 'run', '--target', target, '--seed', String(seed)];
  args.push('--runs', String(runs), '--report-dir', reportDir, '--deadline', '1h');
  if (suites.length > 0) args.push('--suite', suites.join(','));
  const started = performance.now();
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  const peaks = new Map<number, number>();
  const poll = (): void => {
    if (child.pid === undefined) return;
    for (const pid of processTree(child.pid)) {
      const hwm = highWaterKb(pid);
      if (hwm !== null) peaks.set(pid, Math.max(peaks.get(pid) ?? 0, hwm));
    }
  };
  const timer = setInterval(poll, POLL_MS);
  const exitCode = await new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  clearInterval(timer);
  const wallMs = performance.now() - started;
  try {
    const results = JSON.parse(await readFile(join(reportDir, 'results.json'), 'utf8')) as {
      checks: { id: string; verdict: string; message: string }[];
      summary: Record<string, number>;
    };
    const unfinished = results.checks.filter(
      (c) => c.verdict === 'error' && /^not run|interrupted|deadline|stopped answering/.test(c.message),
    ).length;
    let peakPid = 0;
    for (const [pid, kb] of peaks) if (kb > (peaks.get(peakPid) ?? -1)) peakPid = pid;
    const workerPeaks = [...peaks].filter(([pid]) => pid !== child.pid).map(([, kb]) => kb);
    const errors = results.checks
      .filter((c) => c.verdict === 'error')
      .slice(0, 3)
      .map((c) => `${c.id}: ${c.message.slice(0, 300)}`);
    return {
      target: target === 'embedded' ? 'embedded' : target,
      peakRssMb: peaks.size > 0 ? Math.round((peaks.get(peakPid) ?? 0) / 1024) : null,
      peakProcess: peakPid === child.pid ? 'cli' : 'worker',
      processes: peaks.size,
      wallMs: Math.round(wallMs),
      exitCode,
      checks: results.checks.length,
      summary: Object.entries(results.summary)
        .map(([k, v]) => `${v} ${k}`)
        .join(' · '),
      unfinished,
      workerPeakRssMb: workerPeaks.length > 0 ? Math.round(Math.max(...workerPeaks) / 1024) : null,
      errors,
    };
  } finally {
    await rm(reportDir, { recursive: true, force: true });
  }
}

/** The pid and every descendant of it, from /proc/<pid>/stat's parent field. */
function processTree(root: number): number[] {
  if (!existsSync('/proc')) return [];
  const parentOf = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command name may hold spaces and parentheses: the fields after the last ')' are fixed.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parentOf.set(Number(name), Number(fields[1]));
    } catch {
      // The process ended between the listing and the read.
    }
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) {
    for (const [pid, parent] of parentOf) if (parent === tree[i]) tree.push(pid);
  }
  return tree;
}

function highWaterKb(pid: number): number | null {
  try {
    const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match?.[1] !== undefined ? Number(match[1]) : null;
  } catch {
    return null;
  }
}
