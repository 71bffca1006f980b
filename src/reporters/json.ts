/** `results.json`: exactly the run's `RunResults` (docs/design.md §3.2), secrets redacted once more. */
import type { RunResults } from '../model/checkRecord.js';
import type { Reporter } from './types.js';
import { redactValue } from './redact.js';
import { REPORT_FILES, writeReportFile } from './writeReport.js';

export function resultsJson(results: RunResults): string {
  return `${JSON.stringify(redactValue(results), null, 2)}\n`;
}

export function createJsonReporter(): Reporter {
  return {
    reportFile: REPORT_FILES.json,
    onEvent: () => undefined,
    finish: async (results, reportDir) => [await writeReportFile(reportDir, REPORT_FILES.json, resultsJson(results))],
  };
}
