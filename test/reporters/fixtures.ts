/** Test helpers: the sample RunResults in fixtures/reports/ and a sink that records console lines. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CheckRecord, RunResults } from '../../src/model/checkRecord.js';
import { countVerdicts } from '../../src/reporters/format.js';

export const packageRoot = fileURLToPath(new URL('../../', import.meta.url));

export function loadResults(name: 'run-mixed' | 'run-with-secrets'): RunResults {
  return JSON.parse(readFileSync(`${packageRoot}fixtures/reports/${name}.json`, 'utf8')) as RunResults;
}

/** The values `run-with-secrets.json` hides in messages, headers, bodies, curl lines and run errors. */
export const PLANTED_SECRETS = {
  jwt: 'eyJhbGciOiJSUzI1NiIsImtpZCI6InRlc3QifQ.eyJzdWIiOiJjLWxlYWsiLCJ0aWQiOiJ0LWxlYWsifQ.c2lnbmF0dXJlLXRoYXQtbXVzdC1ub3QtbGVhaw',
  jwtSignature: 'c2lnbmF0dXJlLXRoYXQtbXVzdC1ub3QtbGVhaw',
  clientSecret: 'cs-9f8e7d6c5b4a39281706-leak',
  opaqueToken: 'opq8c1f2e4d9a7b6leak',
  basicCredential: 'Yy0xOmNzLTlmOGU3ZDZjNWI0YTM5MjgxNzA2LWxlYWs=',
} as const;

/** Hostile strings a target could put in a response, which reports quote. */
export const HOSTILE = [
  '<script>alert("x")</script>',
  '</pre></details><img src=x onerror=alert(1)>',
  '"><svg onload=alert(2)>',
  "' onmouseover='alert(3)",
  ']]><!-- --><![CDATA[',
  '&amp; &lt; &#x3c; &nbsp',
  'bell\u0007 escape\u001b[31m nul\u0000 vt\u000b ff\u000c us\u001f',
  'lone surrogate \ud800 and \udc00, U+FFFE \ufffe',
  '| table | breaker |\n# heading\n```fence```',
] as const;

/** A copy of a fixture record with some fields replaced. */
export function withCheck(results: RunResults, index: number, patch: Partial<CheckRecord>): RunResults {
  const checks = results.checks.map((check, i) => (i === index ? { ...check, ...patch } : check));
  return { ...results, checks };
}

export function recordingConsole(isTTY: boolean): { lines: string[]; write(line: string): void; isTTY: boolean } {
  const lines: string[] = [];
  return { lines, write: (line) => lines.push(line), isTTY };
}

/** Splits the fixture the way `--shard I/N` would: every check in exactly one shard. */
export function shardsOf(results: RunResults, count: number): RunResults[] {
  return Array.from({ length: count }, (_, i) => {
    const checks = results.checks.filter((_check, index) => index % count === i);
    const ids = new Set(checks.map((check) => check.id));
    return {
      ...results,
      run: {
        ...results.run,
        shard: `${i + 1}/${count}`,
        startedAt: new Date(Date.parse(results.run.startedAt) + i * 1000).toISOString(),
      },
      summary: countVerdicts(checks),
      checks,
      observations: results.observations.filter((o) => ids.has(o.checkId)),
      // Each shard reports as uncovered the catalog requirements it did not reach itself.
      uncovered: [
        ...results.uncovered,
        ...results.checks
          .filter((check) => !ids.has(check.id))
          .map((check) => ({ requirement: check.requirement, operation: check.operation, reason: 'in another shard' })),
      ],
      runErrors: i === 1 ? ['shard 2: suite file crashed'] : [],
    };
  });
}
