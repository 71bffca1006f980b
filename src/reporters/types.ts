/**
 * The contract between the engine and the reporters. Reporters consume RunEvents only (ARCHITECTURE.md:
 * reporters never import the engine, the engine never imports reporters — the CLI wires them together).
 */
import type { RunEvent } from '../model/events.js';
import type { RunResults } from '../model/checkRecord.js';

export interface Reporter {
  /** The file a file reporter writes into the report folder (a REPORT_FILES name); absent for the console. */
  readonly reportFile?: string;
  /** Called for every event, in order, while the run goes (console progress lives here). */
  onEvent(event: RunEvent): void;
  /**
   * Called once after `run-finished` with the final results. Writes this reporter's files into `reportDir`
   * (which exists) and resolves with the absolute paths written; console reporters print and resolve `[]`.
   * `notWritten` holds the report files that reporters before this one failed to write, with the reason: the
   * console lists them as not written.
   */
  finish(results: RunResults, reportDir: string, notWritten?: NotWrittenReports): Promise<string[]>;
}

/** Report file name (REPORT_FILES) → why it could not be written. */
export type NotWrittenReports = ReadonlyMap<string, string>;

/** Where console reporters write. `write` takes one line without its trailing newline. */
export interface ReporterConsole {
  write(line: string): void;
  /** A terminal: the count line is redrawn in place. */
  readonly isTTY: boolean;
  /** ANSI colours on (the CLI decides from NO_COLOR, FORCE_COLOR and the terminal); default `isTTY`. */
  readonly colour?: boolean;
}

/** What `createReporters` (src/reporters/index.ts) takes. */
export interface ReportersOptions {
  readonly reportDir: string;
  readonly console: ReporterConsole;
}
