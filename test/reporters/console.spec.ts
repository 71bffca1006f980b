import { describe, expect, it } from 'vitest';
import {
  createConsoleReporter,
  findingLine,
  findingText,
  MAX_REPLAY_LINES,
  progressLine,
  replayLines,
} from '../../src/reporters/console.js';
import { loadResults, PLANTED_SECRETS, recordingConsole } from './fixtures.js';

const results = loadResults('run-mixed');
const ESC = '\u001b';

function replay(isTTY: boolean, progressEvery?: number) {
  const out = recordingConsole(isTTY);
  const reporter = createConsoleReporter({ console: out, ...(progressEvery ? { progressEvery } : {}) });
  reporter.onEvent({
    type: 'run-started',
    runId: results.run.id,
    seed: results.run.seed,
    target: results.run.target,
    plannedChecks: results.checks.length,
  });
  for (const record of results.checks) reporter.onEvent({ type: 'check-finished', record });
  reporter.onEvent({ type: 'run-finished', results });
  return { out, reporter };
}

describe('console progress without a TTY (CI logs)', () => {
  it('prints a line per failure, warning and error, and the count line at most every N checks', () => {
    const { out } = replay(false, 50);
    const findings = out.lines.filter((line) => /^[✗!E] /.test(line));
    expect(findings).toHaveLength(results.summary.failed + results.summary.warnings + results.summary.errors);
    expect(findings[0]).toBe(`✗ failed  CLIENTS-CREATE-201  POST /v1/clients: ${results.checks[0]!.message}`);
    const countLines = out.lines.filter((line) => line.startsWith('['));
    expect(countLines.map((line) => line.split(']')[0])).toEqual(['[50/173', '[100/173', '[150/173']);
    expect(out.lines.join('\n')).not.toContain(ESC);
  });

  it('ends with the matrix table, the totals and the report paths', async () => {
    const { out, reporter } = replay(false);
    out.lines.length = 0;
    expect(await reporter.finish(results, 'reports/latest')).toEqual([]);
    const text = out.lines.join('\n');
    expect(text).toMatch(
      /^operation +contract +semantics +token-types +permissions +isolation +robustness +properties +stateful$/m,
    );
    expect(text).toMatch(/^CLIENTS-CREATE +2✓ 1✗ +1✓ +8✓ 1✗ /m);
    expect(text).toMatch(/^ME-CONSENTS-LIST +3✓ +1✓ +6✓ 1E +· /m);
    expect(text).toContain('families without checks in this run: pact');
    expect(text).toContain(
      'Totals: 162 passed · 0 observed · 4 failed · 3 warnings · 3 skipped · 1 error  (173 checks, 48.2 s)',
    );
    expect(text).toContain('Observations: 16 · uncovered requirements: 3');
    for (const file of ['results.json', 'junit.xml', 'index.html', 'summary.md'])
      expect(text).toContain(`reports/latest/${file}`);
    // The table and totals fit 120 columns; the replay commands that end the output are whole, to be copied.
    const replayAt = out.lines.findIndex((line) => line.startsWith('Replay the failed checks'));
    expect(replayAt).toBeGreaterThan(0);
    expect(Math.max(...out.lines.slice(0, replayAt).map((line) => line.length))).toBeLessThanOrEqual(120);
  });
});

describe('console progress on a TTY', () => {
  it('redraws one count line in place and prints findings above it', () => {
    const { out } = replay(true);
    const countLines = out.lines.filter((line) => line.includes('/173]'));
    expect(countLines).toHaveLength(results.checks.length);
    // A count line that follows a count line replaces it (cursor up, clear line); only one is ever visible.
    const isCount = (line: string | undefined): boolean => Boolean(line?.includes('/173]'));
    const follows = out.lines.filter((line, i) => isCount(line) && isCount(out.lines[i - 1]));
    expect(follows.length).toBeGreaterThan(150);
    expect(follows.every((line) => line.startsWith(`${ESC}[1A${ESC}[2K`))).toBe(true);
    const findingIndex = out.lines.findIndex((line) => line.includes('CLIENTS-UPDATE-NO-5XX'));
    expect(out.lines[findingIndex]).toMatch(new RegExp(`^${ESC}\\[1A${ESC}\\[2K${ESC}\\[31m✗ failed`));
    expect(out.lines[findingIndex + 1]).toContain('/173]');
  });

  it('clears the count line before the table', async () => {
    const { out, reporter } = replay(true);
    const before = out.lines.length;
    await reporter.finish(results, 'reports/latest');
    expect(out.lines[before]).toBe(`${ESC}[1A${ESC}[2K`);
  });
});

describe('console lines', () => {
  it('shows an unknown total as ?', () => {
    expect(progressLine({ passed: 2, observed: 0, failed: 1, warnings: 0, skipped: 0, errors: 0 }, undefined)).toBe(
      '[3/?] 2 passed · 0 observed · 1 failed · 0 warnings · 0 skipped · 0 errors',
    );
  });

  it('shows a growing plan as at least, and the exact total once every suite file is collected', () => {
    const counts = { passed: 3, observed: 0, failed: 0, warnings: 0, skipped: 0, errors: 0 };
    expect(progressLine(counts, 10, false, false)).toBe(
      '[3/≥10] 3 passed · 0 observed · 0 failed · 0 warnings · 0 skipped · 0 errors',
    );
    expect(progressLine(counts, 2, false, false)).toMatch(/^\[3\/≥3\]/);
    expect(progressLine(counts, 10, false, true)).toMatch(/^\[3\/10\]/);
  });

  it('takes the plan from checks-planned events', () => {
    const lines: string[] = [];
    const reporter = createConsoleReporter({
      console: { write: (l) => lines.push(l), isTTY: false },
      progressEvery: 1,
    });
    reporter.onEvent({ type: 'checks-planned', planned: 7, complete: true });
    const record = loadResults('run-mixed').checks.find((c) => c.verdict === 'passed')!;
    reporter.onEvent({ type: 'check-finished', record });
    expect(lines.at(-1)).toMatch(/^\[1\/7\] 1 passed/);
  });

  it('redacts secrets before cutting the line', () => {
    const record = loadResults('run-with-secrets').checks[0]!;
    const line = findingLine({ ...record, message: `${'x'.repeat(150)} Bearer ${PLANTED_SECRETS.jwt}` });
    expect(line).not.toContain('eyJ');
    expect(line).not.toContain(PLANTED_SECRETS.jwt.slice(0, 40));
  });

  it('prints run errors as they happen', () => {
    const out = recordingConsole(false);
    createConsoleReporter({ console: out }).onEvent({
      type: 'run-error',
      message: 'target unreachable: ECONNREFUSED 127.0.0.1:9',
    });
    expect(out.lines).toEqual(['E run error: target unreachable: ECONNREFUSED 127.0.0.1:9']);
  });

  it('keeps each finding\'s rule and whole "expected" part, cutting long observed values in the middle', () => {
    const observed = `status 200, body ${'a'.repeat(300)}THE-END`;
    const message = [
      `CLIENTS-LIST-200-BODY: observed ${observed}, expected a body matching client-list.schema.json`,
      `CLIENTS-LIST-200-ENVELOPE (inferred): observed ${observed}, expected {"result": [...]}`,
    ].join('; ');
    const text = findingText(message);
    expect(text.length).toBeLessThanOrEqual(260);
    expect(text).toContain(', expected a body matching client-list.schema.json; CLIENTS-LIST-200-ENVELOPE (inferred)');
    expect(text.endsWith(', expected {"result": [...]}')).toBe(true);
    expect(text).toMatch(/^CLIENTS-LIST-200-BODY: observed status 200, body a+ … a*THE-END, expected/);
    // A short message, and one that is not a finding, are left as they are (the latter cut at its end).
    expect(findingText('R: observed 500, expected 201')).toBe('R: observed 500, expected 201');
    expect(findingText(`check crashed: ${'x'.repeat(400)}`)).toMatch(/^check crashed: x+…$/);
  });

  it('ends the run with one replay command per failed check, at most MAX_REPLAY_LINES', async () => {
    const failed = results.checks.find((check) => check.verdict === 'failed')!;
    const many = Array.from({ length: MAX_REPLAY_LINES + 5 }, (_, i) => ({
      ...failed,
      id: `f-${i}`,
      reproduction: { seed: 1, command: `npx cis-conformance run --check R-${i} --seed 1` },
    }));
    // The same command twice is one line; passed checks have none.
    const lines = replayLines([...many, many[0]!, results.checks.find((c) => c.verdict === 'passed')!]);
    expect(lines[0]).toBe(`Replay the failed checks (${MAX_REPLAY_LINES + 5} commands):`);
    expect(lines).toHaveLength(MAX_REPLAY_LINES + 2);
    expect(lines[1]).toBe(`  ${failed.requirement}: npx cis-conformance run --check R-0 --seed 1`);
    expect(lines.at(-1)).toBe('  … and 5 more in summary.md and results.json');
    expect(replayLines(results.checks.filter((c) => c.verdict !== 'failed'))).toEqual([]);

    const out = recordingConsole(false);
    await createConsoleReporter({ console: out }).finish(results, 'reports/latest');
    const text = out.lines.join('\n');
    expect(text).toMatch(/Replay the failed checks \(\d+ commands?\):\n {2}\S+: .*--seed/);
    expect(out.lines.at(-1)).toMatch(/--seed|more in summary\.md/);
  });
});
