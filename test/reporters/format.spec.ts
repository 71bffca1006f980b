import { describe, expect, it } from 'vitest';
import {
  checkLabel,
  compactCounts,
  countsSentence,
  countVerdicts,
  findingsOf,
  firstLine,
  formatDuration,
} from '../../src/reporters/format.js';
import { loadResults } from './fixtures.js';

describe('counts', () => {
  it('counts the fixture as its summary says', () => {
    const results = loadResults('run-mixed');
    // The fixture was written before `observed` existed.
    expect(countVerdicts(results.checks)).toEqual({ ...results.summary, observed: 0 });
  });

  it('formats compact cells and sentences', () => {
    const counts = { passed: 12, observed: 0, failed: 1, warnings: 2, skipped: 0, errors: 1 };
    expect(compactCounts(counts)).toBe('12✓ 1✗ 2! 1E');
    expect(compactCounts({ passed: 0, observed: 0, failed: 0, warnings: 0, skipped: 0, errors: 0 })).toBe('');
    expect(countsSentence(counts)).toBe('12 passed · 0 observed · 1 failed · 2 warnings · 0 skipped · 1 error');
    expect(compactCounts({ ...counts, observed: 3 })).toBe('12✓ 3◇ 1✗ 2! 1E');
    expect(countsSentence({ ...counts, observed: 3 })).toContain('12 passed · 3 observed · 1 failed');
  });
});

describe('text helpers', () => {
  it('labels a check as its vitest test is named', () => {
    expect(checkLabel({ requirement: 'CLIENTS-CREATE-201', title: 'answers 201', cell: 'client token' })).toBe(
      '[CLIENTS-CREATE-201] answers 201 (client token)',
    );
  });

  it('formats durations and cuts long lines', () => {
    expect([formatDuration(850), formatDuration(3210), formatDuration(125_000)]).toEqual([
      '850 ms',
      '3.2 s',
      '2 min 05 s',
    ]);
    expect(firstLine('one\ntwo')).toBe('one');
    expect(firstLine('x'.repeat(10), 5)).toBe('xxxx…');
  });

  it('lists findings worst first and leaves passed and skipped out', () => {
    const verdicts = findingsOf(loadResults('run-mixed').checks).map((check) => check.verdict);
    expect(verdicts).toEqual(['failed', 'failed', 'failed', 'failed', 'error', 'warning', 'warning', 'warning']);
  });
});
