/**
 * Console progress while the run goes, then the conformance table, totals and report paths.
 * On a TTY the count line is redrawn in place (cursor up, clear line); elsewhere (CI logs) it is printed
 * at most every `progressEvery` checks so logs stay short.
 */
import type { CheckRecord, RunResults, VerdictCounts } from '../model/checkRecord.js';
import type { RunEvent } from '../model/events.js';
import path from 'node:path';
import type { Reporter, ReporterConsole } from './types.js';
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

    async finish(results: RunResults, reportDir: string): Promise<string[]> {
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
        ...Object.values(REPORT_FILES).map((file) => `  ${path.join(reportDir, file)}`),
      ];
      // Redaction happens before truncation and before colour codes, so neither can hide a secret from it.
      for (const line of lines) write(line);
      return [];
    },
  };
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
  return `${paint(head, record.verdict, colour)} ${redactText(where)}: ${firstLine(redactText(record.message), 200)}`;
}
