/** Formatting helpers every reporter shares (instead of a reporter base class). */
import type { CheckRecord, VerdictCounts } from '../model/checkRecord.js';
import { VERDICTS, type Verdict } from '../model/verdict.js';

/** One character per verdict, for compact matrix cells: `12✓ 1✗ 2!`. */
export const VERDICT_SYMBOLS: Readonly<Record<Verdict, string>> = {
  passed: '✓',
  observed: '◇',
  failed: '✗',
  warning: '!',
  skipped: '○',
  error: 'E',
};

/** Which `VerdictCounts` field counts a verdict (results.json says `warnings` and `errors`). */
const COUNT_FIELD: Readonly<Record<Verdict, keyof VerdictCounts>> = {
  passed: 'passed',
  observed: 'observed',
  failed: 'failed',
  warning: 'warnings',
  skipped: 'skipped',
  error: 'errors',
};

/** The order counts are shown in: good news first, as people read a summary. */
export const DISPLAY_ORDER: readonly Verdict[] = ['passed', 'observed', 'failed', 'warning', 'skipped', 'error'];

export function emptyCounts(): VerdictCounts {
  return { passed: 0, observed: 0, failed: 0, warnings: 0, skipped: 0, errors: 0 };
}

/** A results.json written before `observed` existed has no such field: it counts 0. */
export function countOf(counts: VerdictCounts, verdict: Verdict): number {
  return counts[COUNT_FIELD[verdict]] ?? 0;
}

export function addVerdict(counts: VerdictCounts, verdict: Verdict): void {
  counts[COUNT_FIELD[verdict]] += 1;
}

export function countVerdicts(checks: Iterable<Pick<CheckRecord, 'verdict'>>): VerdictCounts {
  const counts = emptyCounts();
  for (const check of checks) addVerdict(counts, check.verdict);
  return counts;
}

export function totalOf(counts: VerdictCounts): number {
  return VERDICTS.reduce((sum, verdict) => sum + countOf(counts, verdict), 0);
}

/** The worst verdict with a non-zero count (failed > error > warning > skipped > observed > passed), if any. */
export function worstVerdictOf(counts: VerdictCounts): Verdict | undefined {
  return VERDICTS.find((verdict) => countOf(counts, verdict) > 0);
}

/** `12✓ 1✗ 2!` — only the non-zero counts; empty string for no checks. */
export function compactCounts(counts: VerdictCounts): string {
  return DISPLAY_ORDER.filter((verdict) => countOf(counts, verdict) > 0)
    .map((verdict) => `${countOf(counts, verdict)}${VERDICT_SYMBOLS[verdict]}`)
    .join(' ');
}

const COUNT_NOUNS: Readonly<Record<Verdict, readonly [one: string, many: string]>> = {
  passed: ['passed', 'passed'],
  observed: ['observed', 'observed'],
  failed: ['failed', 'failed'],
  warning: ['warning', 'warnings'],
  skipped: ['skipped', 'skipped'],
  error: ['error', 'errors'],
};

/** `118 passed · 12 observed · 2 failed · 1 warning · 0 skipped · 2 errors`. */
export function countsSentence(counts: VerdictCounts): string {
  return DISPLAY_ORDER.map((verdict) => {
    const n = countOf(counts, verdict);
    return `${n} ${COUNT_NOUNS[verdict][n === 1 ? 0 : 1]}`;
  }).join(' · ');
}

/** `[CLIENTS-CREATE-201] answers 201 (client token)`: the vitest test name of a check. */
export function checkLabel(check: Pick<CheckRecord, 'requirement' | 'title' | 'cell'>): string {
  return `[${check.requirement}] ${check.title}${check.cell ? ` (${check.cell})` : ''}`;
}

/** `850 ms`, `3.2 s`, `2 min 05 s`. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '?';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
}

/** The first line of a message, cut to `max` characters: for one-line console and list entries. */
export function firstLine(text: string, max = 160): string {
  const line = text.split(/\r?\n/, 1)[0] ?? '';
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** Checks that need a reader's attention, worst first, in a stable order. */
export function findingsOf(checks: readonly CheckRecord[]): CheckRecord[] {
  const rank = (verdict: Verdict): number => VERDICTS.indexOf(verdict);
  return checks
    .filter((check) => check.verdict === 'failed' || check.verdict === 'warning' || check.verdict === 'error')
    .map((check, index) => ({ check, index }))
    .sort((a, b) => rank(a.check.verdict) - rank(b.check.verdict) || a.index - b.index)
    .map(({ check }) => check);
}
