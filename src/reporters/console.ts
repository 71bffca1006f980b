/**
 * Console progress while the run goes, then the conformance table, totals and report paths.
 * On a TTY the count line is redrawn in place (cursor up, clear line); elsewhere (CI logs) it is printed
 * at most every `progressEvery` checks so logs stay short.
 */
import type { CheckRecord, RunResults, VerdictCounts } from '../model/checkRecord.js';
import type { RunEvent } from '../model/events.js';
import path from 'node:path';
import type { NotWrittenReports, Reporter, ReporterConsole } from './types.js';
import {
  addVerdict,
  countsSentence,
  emptyCounts,
  firstLine,
  formatDuration,
  totalOf,
  VERDICT_SYMBOLS,
  worstVerdictOf,
} from './format.js';
import { matrixTableLines, paint } from './consoleTable.js';
import { redactText } from './redact.js';
import { REPORT_FILES } from './writeReport.js';

/** Replay lines printed at the end of a run; the rest are in summary.md and results.json. */
export const MAX_REPLAY_LINES = 20;
/** A finding line's message budget: the "expected" parts stay whole, long observed values are cut in the middle. */
const FINDING_MESSAGE_MAX = 240;

export interface ConsoleReporterOptions {
  readonly console: ReporterConsole;
  /** Without a TTY: print the count line after every this many checks (default 50). */
  readonly progressEvery?: number;
}

/** Moves to the start of the previous line and clears it: the count line is always the last line written. */
const REDRAW = '\u001b[1A\u001b[2K';

export function createConsoleReporter(options: ConsoleReporterOptions): Reporter {
  const { console: out } = options;
  const every = Math.max(1, options.progressEvery ?? 50);
  const colour = out.colour ?? out.isTTY;
  const counts = emptyCounts();
  let planned: number | undefined;
  let plannedComplete = true;
  let countLineShown = false;
  let lastPrintedAt = 0;

  /** Writes a line above the count line on a TTY, replacing it; the caller redraws the count line afterwards. */
  const write = (line: string): void => {
    out.write(countLineShown ? REDRAW + line : line);
    countLineShown = false;
  };
  const showCount = (): void => {
    const line = progressLine(counts, planned, colour, plannedComplete);
    if (out.isTTY) {
      write(line);
      countLineShown = true;
    } else {
      out.write(line);
      lastPrintedAt = totalOf(counts);
    }
  };

  return {
    onEvent(event: RunEvent): void {
      switch (event.type) {
        case 'run-started':
          planned = event.plannedChecks;
          write(redactText(`cis-conformance run ${event.runId} · target ${event.target} · seed ${event.seed}`));
          break;
        case 'checks-planned':
          planned = event.planned;
          plannedComplete = event.complete;
          break;
        case 'check-finished':
          addVerdict(counts, event.record.verdict);
          if (event.record.verdict !== 'passed' && event.record.verdict !== 'skipped') {
            write(findingLine(event.record, colour));
          }
          if (out.isTTY || totalOf(counts) - lastPrintedAt >= every) showCount();
          break;
        case 'run-error':
          write(paint(`E run error: ${firstLine(redactText(event.message), 300)}`, 'error', colour));
          if (out.isTTY && totalOf(counts) > 0) showCount();
          break;
        default:
          break;
      }
    },

    async finish(results: RunResults, reportDir: string, notWritten?: NotWrittenReports): Promise<string[]> {
      const lines = [
        '',
        'Conformance matrix (operations × check families)',
        ...matrixTableLines(results.checks, colour),
        '',
        paint(
          `Totals: ${countsSentence(results.summary)}  (${totalOf(results.summary)} checks, ${formatDuration(results.run.durationMs)})`,
          worstVerdictOf(results.summary),
          colour,
        ),
        `Observations: ${results.observations.length} · uncovered requirements: ${results.uncovered.length}`,
        ...results.runErrors.map((message) =>
          paint(`Run error: ${firstLine(redactText(message), 300)}`, 'error', colour),
        ),
        'Reports:',
        ...reportLines(reportDir, notWritten, colour),
        ...replayLines(results.checks),
      ];
      // Redaction happens before truncation and before colour codes, so neither can hide a secret from it.
      for (const line of lines) write(line);
      return [];
    },
  };
}

/**
 * The report files, one a line; one that could not be written is marked so, with the reason, never listed as if it
 * were there (an older file of that name may still be in the folder).
 */
export function reportLines(reportDir: string, notWritten: NotWrittenReports | undefined, colour = false): string[] {
  return Object.values(REPORT_FILES).map((file) => {
    const where = path.join(reportDir, file);
    const reason = notWritten?.get(file);
    if (reason === undefined) return `  ${where}`;
    return paint(
      `  ${VERDICT_SYMBOLS.failed} ${where}  NOT WRITTEN: ${firstLine(redactText(reason), 200)}`,
      'error',
      colour,
    );
  });
}

/** `[123/456] 118 passed · 2 failed · 1 warning · 0 skipped · 2 errors`. */
/** `[120/534] …`; `[120/≥300]` while suite files are still being collected; `[120/?]` before any is. */
export function progressLine(
  counts: VerdictCounts,
  planned: number | undefined,
  colour = false,
  plannedComplete = true,
): string {
  const done = totalOf(counts);
  const sentence = countsSentence(counts);
  const total = planned === undefined ? '?' : plannedComplete ? `${planned}` : `≥${Math.max(planned, done)}`;
  return `[${done}/${total}] ${paint(sentence, worstVerdictOf(counts), colour)}`;
}

/** `✗ failed  CLIENTS-CREATE-201  POST /v1/clients (expired): observed 500, expected 201`. */
export function findingLine(record: CheckRecord, colour = false): string {
  const head = `${VERDICT_SYMBOLS[record.verdict]} ${record.verdict.padEnd(7)}`;
  const where = `${record.requirement}  ${record.operation}${record.cell ? ` (${record.cell})` : ''}`;
  return `${paint(head, record.verdict, colour)} ${redactText(where)}: ${findingText(redactText(record.message))}`;
}

/** One finding of a message: `RULE: observed X, expected Y` (the `expected` part is last, so the split is greedy). */
const FINDING = /^([\s\S]*?\bobserved )([\s\S]*)(, expected [\s\S]*)$/;
/** Findings are joined by `; ` before the next `RULE: observed` or `RULE (evidence): observed`. */
const NEXT_FINDING = /; (?=[A-Z][A-Z0-9-]*(?: \([a-z]+\))?: observed )/;

/**
 * A message on one line, at most about `max` characters: each finding keeps its rule and its whole "expected"
 * part, and long observed values give up their middle. Messages without findings (skips, errors) are cut at the end.
 */
export function findingText(message: string, max = FINDING_MESSAGE_MAX): string {
  const flat = message.replace(/\s*\r?\n\s*/g, ' ');
  if (flat.length <= max) return flat;
  const parts = flat.split(NEXT_FINDING).map((finding) => FINDING.exec(finding));
  if (parts.some((part) => part === null)) return firstLine(flat, max);
  const findings = parts as RegExpExecArray[];
  const fixed = findings.reduce((sum, [, rule = '', , expected = '']) => sum + rule.length + expected.length + 2, 0);
  const budget = Math.max(40, Math.floor((max - fixed) / findings.length));
  return findings
    .map(([, rule = '', observed = '', expected = '']) => `${rule}${middleCut(observed, budget)}${expected}`)
    .join('; ');
}

function middleCut(text: string, max: number): string {
  if (text.length <= max) return text;
  const keep = max - 3;
  return `${text.slice(0, Math.ceil(keep / 2))} … ${text.slice(text.length - Math.floor(keep / 2))}`;
}

/** The end of the run: one replay command per failed check (the same command once), at most MAX_REPLAY_LINES. */
export function replayLines(checks: readonly CheckRecord[]): string[] {
  const commands = new Map<string, string>();
  for (const check of checks) {
    if (check.verdict !== 'failed') continue;
    const command = redactText(check.reproduction.command);
    if (!commands.has(command)) commands.set(command, check.requirement);
  }
  if (commands.size === 0) return [];
  const shown = [...commands].slice(0, MAX_REPLAY_LINES);
  const more = commands.size - shown.length;
  return [
    `Replay the failed checks (${commands.size} command${commands.size === 1 ? '' : 's'}):`,
    ...shown.map(([command, requirement]) => `  ${requirement}: ${command}`),
    ...(more > 0 ? [`  … and ${more} more in summary.md and results.json`] : []),
  ];
}
