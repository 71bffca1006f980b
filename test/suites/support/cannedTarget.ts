/**
 * A loopback target that gives every request the same canned answer (its state-hook path included), for the tests
 * that run every suite against a broken target (everythingFails500, everythingAnswers200): a check passes only on
 * what it judged (docs/decisions.md #45, #51).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RunConfig } from '../../../src/engine/index.js';

export interface CannedAnswer {
  readonly status: number;
  /** Sent as `application/json`. */
  readonly body: string;
}

export interface CannedTarget {
  readonly url: string;
  /** Requests answered so far. */
  requests(): number;
  /** What the following requests get. */
  answerWith(answer: CannedAnswer): void;
  close(): Promise<void>;
}

export async function startCannedTarget(first: CannedAnswer): Promise<CannedTarget> {
  let answer = first;
  let requests = 0;
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      requests++;
      res.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests: () => requests,
    answerWith: (next) => (answer = next),
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** A run of `suites` (empty: all) against the canned target: seed 1, one fast-check case per property. */
export function cannedRunConfig(url: string, overrides: Partial<RunConfig> = {}): RunConfig {
  return {
    target: { kind: 'url', url },
    suites: [],
    seed: 1,
    runs: 1,
    strict: false,
    reportDir: '/unused',
    requestTimeoutMs: 5000,
    ...overrides,
  };
}
