/**
 * `index.html`: one self-contained file (inline CSS and script, no external URL; a Content-Security-Policy
 * forbids loading anything). Every value from the run goes through the escaping `html` template tag.
 */
import type { RunResults } from '../model/checkRecord.js';
import type { Reporter } from './types.js';
import { STYLESHEET, SCRIPT } from './htmlAssets.js';
import { findingsSection } from './htmlFindings.js';
import { html, trustedMarkup } from './htmlTemplate.js';
import { operationsSection } from './htmlOperations.js';
import { matrixSection, runHeader } from './htmlOverview.js';
import { observationsSection, skippedSection, uncoveredSection } from './htmlTables.js';
import { REPORT_FILES, writeReportFile } from './writeReport.js';

const CSP =
  "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

export function reportHtml(results: RunResults): string {
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta http-equiv="Content-Security-Policy" content="${CSP}" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>CIS conformance · ${results.run.target} · ${results.summary.failed} failed</title>
        <style>
          ${trustedMarkup(STYLESHEET)}
        </style>
      </head>
      <body>
        <main>
          ${runHeader(results)}
          <nav>
            <a href="#matrix">Matrix</a><a href="#operations">Token &amp; permission matrices</a
            ><a href="#findings">Failures</a><a href="#observations">Observations</a
            ><a href="#uncovered">Uncovered</a>${
              results.checks.some((check) => check.verdict === 'skipped') ? html`<a href="#skipped">Skipped</a>` : ''
            }
          </nav>
          ${matrixSection(results)} ${findingsSection(results.checks)} ${operationsSection(results.checks)}
          ${observationsSection(results.observations)} ${uncoveredSection(results.uncovered)}
          ${skippedSection(results.checks)}
          <footer>${results.tool.name} ${results.tool.version} · run ${results.run.id}</footer>
        </main>
        <script>
          ${trustedMarkup(SCRIPT)};
        </script>
      </body>
    </html> `.markup;
}

export function createHtmlReporter(): Reporter {
  return {
    reportFile: REPORT_FILES.html,
    onEvent: () => undefined,
    finish: async (results, reportDir) => [await writeReportFile(reportDir, REPORT_FILES.html, reportHtml(results))],
  };
}
