import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mutantsHtml } from '../../src/mutants/html.js';
import { cleanRunLine, mutantsSummaryLines, mutantsTableLines } from '../../src/mutants/table.js';
import type { FaultOutcome, KillAttempt, MutantsReport, RunTally } from '../../src/mutants/types.js';
import { writeMutantsReport } from '../../src/mutants/writeReport.js';

const tally: RunTally = {
  summary: { passed: 10, observed: 0, failed: 0, warnings: 0, skipped: 0, errors: 0 },
  failed: [],
  checks: 10,
  requests: 42,
  durationMs: 1500,
  runErrors: [],
  stoppedEarly: false,
};
const attempt = (stage: KillAttempt['stage'], failed: string[]): KillAttempt => ({
  ...tally,
  stage,
  suites: ['contract'],
  strict: stage === 'targeted',
  summary: { ...tally.summary, failed: failed.length },
  failed: failed.map((requirement) => ({
    requirement,
    checkId: `contract/${requirement}/<b>`,
    message: `${requirement}: observed <script>alert(1)</script>`,
    rules: [requirement],
  })),
});
const killed: FaultOutcome = {
  fault: 'envelope-missing',
  area: 'shape',
  description: 'GET answers the bare client & not {"result": …}',
  violates: ['CLIENTS-GET-200-ENVELOPE'],
  killed: true,
  killedBy: ['CLIENTS-GET-200-ENVELOPE', 'CLIENTS-GET-ROUND-TRIP', 'X-1', 'X-2'],
  killedByOwn: true,
  ownUncovered: [],
  attempts: [attempt('targeted', ['CLIENTS-GET-200-ENVELOPE', 'CLIENTS-GET-ROUND-TRIP', 'X-1', 'X-2'])],
  firstFailure: { afterMs: 2345, requests: 7, checks: 2 },
  durationMs: 3000,
};
const survivor: FaultOutcome = {
  ...killed,
  fault: 'sneaky<fault>',
  killed: false,
  killedBy: [],
  killedByOwn: false,
  ownUncovered: ['CLIENTS-GET-200-ENVELOPE'],
  attempts: [attempt('full', [])],
};
delete (survivor as { firstFailure?: unknown }).firstFailure;
const report: MutantsReport = {
  tool: { name: 'cis-conformance', version: '0.0.0-test' },
  generatedAt: '2025-01-01T00:00:00.000Z',
  seed: 7,
  suites: [],
  failFast: true,
  clean: tally,
  choices: [],
  cleanUnexplained: [],
  faults: [killed, survivor],
  notRun: ['later-fault'],
  score: { killed: 1, total: 2, notApplicable: 0 },
  durationMs: 9000,
  exitCode: 1,
};

describe('mutants console table', () => {
  it('has one row per fault with result, own ids marked, stage, time and requests to the first failure', () => {
    const lines = mutantsTableLines(report);
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^fault\s+result\s+killed by/);
    expect(lines[2]).toMatch(
      /^envelope-missing\s+killed\s+CLIENTS-GET-200-ENVELOPE\* CLIENTS-GET-ROUND-TRIP \+2 more\s+targeted strict\s+2\.3 s\s+7$/,
    );
    expect(lines[3]).toMatch(
      /^sneaky<fault>\s+SURVIVED\s+no failure; uncovered: CLIENTS-GET-200-ENVELOPE…\s+full\s+—\s+—$/,
    );
  });

  it('names the score, the survivors and the faults left unrun, and the clean baseline', () => {
    expect(mutantsSummaryLines(report)).toEqual([
      'Mutation score: 1/2 faults killed (50%) in 9.0 s',
      'Survivors: sneaky<fault>',
      'Not run (stopped early): later-fault',
    ]);
    expect(cleanRunLine(tally)).toBe(
      'Clean reference (strict): green — 10 passed · 0 failed · 0 warnings · 0 skipped · 0 errors, 42 requests in 1.5 s',
    );
    expect(cleanRunLine({ ...tally, summary: { ...tally.summary, failed: 1 } })).toMatch(/: FAILED —/);
  });
});

describe('mutants HTML', () => {
  const html = mutantsHtml(report);

  it('escapes every text from faults and check messages', () => {
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<code>sneaky&lt;fault&gt;</code>');
    expect(html).toContain('bare client &amp; not {&quot;result&quot;: …}');
  });

  it('is self-contained and marks own ids and survivors', () => {
    expect(html).not.toMatch(/<script|<link|src=|href=/);
    expect(html).toContain('<h1>Mutation report: 1/2 seeded faults killed</h1>');
    expect(html).toContain('<code class="own">CLIENTS-GET-200-ENVELOPE</code> <code>CLIENTS-GET-ROUND-TRIP</code>');
    expect(html).toMatch(/<tr class="survived"><td><code>sneaky&lt;fault&gt;<\/code>/);
  });
});

describe('writeMutantsReport', () => {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

  it('writes mutants.json (the report, readable back) and index.html into a new folder', async () => {
    const base = await mkdtemp(join(tmpdir(), 'mutants-report-'));
    dirs.push(base);
    const dir = join(base, 'nested', 'mutants');
    const paths = await writeMutantsReport(report, dir);
    expect(paths).toEqual([join(dir, 'mutants.json'), join(dir, 'index.html')]);
    expect(JSON.parse(await readFile(paths[0]!, 'utf8'))).toEqual(report);
    expect(await readFile(paths[1]!, 'utf8')).toBe(mutantsHtml(report));
  });
});
