/**
 * Bench rows for issue 15: the full default run against one served reference behind the delay proxy
 * (scripts/bench/delayProxy.ts) at 0, 25 and 100 ms added to every answer, with the run's own defaults
 * (`--concurrency`, workers), plus the same at 25 ms one check at a time per worker for comparison. A target
 * across a network should cost little more than one on loopback: the target is at most 2 × the 0 ms row at 25 ms.
 */
import { startDelayProxy } from './delayProxy.js';

export interface LatencyRow {
  readonly delayMs: number;
  readonly concurrency: number | 'default';
  readonly wallMs: number;
  readonly checks: number;
  readonly requests: number;
  readonly failed: number;
  readonly errors: number;
  /** Requests the proxy forwarded (the harness's count plus the state hook's teardowns, which checks do not record). */
  readonly forwarded: number;
  readonly maxInFlight: number;
}

export interface TimedFigures {
  readonly wallMs: number;
  readonly checks: number;
  readonly requests: number;
  readonly summary: { readonly failed: number; readonly errors: number };
}

export async function latencyRows(
  upstream: string,
  plan: ReadonlyArray<{ readonly delayMs: number; readonly concurrency?: number }>,
  run: (url: string, concurrency: number | undefined) => Promise<TimedFigures>,
  progress: (line: string) => void,
): Promise<LatencyRow[]> {
  const rows: LatencyRow[] = [];
  for (const { delayMs, concurrency } of plan) {
    progress(`   … ${delayMs} ms added to every answer, ${concurrency ?? 'default'} check(s) at once per worker`);
    const proxy = await startDelayProxy(upstream, delayMs);
    try {
      const figures = await run(proxy.url, concurrency);
      rows.push({
        delayMs,
        concurrency: concurrency ?? 'default',
        wallMs: figures.wallMs,
        checks: figures.checks,
        requests: figures.requests,
        failed: figures.summary.failed,
        errors: figures.summary.errors,
        forwarded: proxy.forwarded(),
        maxInFlight: proxy.maxInFlight(),
      });
    } finally {
      await proxy.close();
    }
  }
  return rows;
}
