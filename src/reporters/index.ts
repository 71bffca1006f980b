/** The reporters of one run, in the order their `finish` should be called. */
import type { Reporter, ReportersOptions } from './types.js';
import { createConsoleReporter } from './console.js';
import { createHtmlReporter } from './html.js';
import { createJsonReporter } from './json.js';
import { createJunitReporter } from './junit.js';
import { createMarkdownReporter } from './markdown.js';

export type { NotWrittenReports, Reporter, ReporterConsole, ReportersOptions } from './types.js';
export { REPORT_FILES, ReportWriteError } from './writeReport.js';

/**
 * File reporters first and the console last, so when `finish` is awaited in order the report paths the
 * console prints already exist. `reportDir` is where the engine will call `finish`; reporters take the
 * directory from that call, so the option only documents the pairing.
 */
export function createReporters(options: ReportersOptions): Reporter[] {
  return [
    createJsonReporter(),
    createJunitReporter(),
    createHtmlReporter(),
    createMarkdownReporter(),
    createConsoleReporter({ console: options.console }),
  ];
}
