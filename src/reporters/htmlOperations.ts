/** Per operation: the token-type matrix and the permission matrix (rows = the checks' `cell` labels). */
import type { CheckRecord } from '../model/checkRecord.js';
import type { CheckFamily } from '../model/families.js';
import { countVerdicts } from './format.js';
import { html, type SafeHtml } from './htmlTemplate.js';
import { countsText, operationAnchor, operationLabel, verdictChip } from './htmlParts.js';
import { labelRows } from './matrix.js';
import { sortOperations } from './operations.js';

const MATRICES: ReadonlyArray<{ family: CheckFamily; title: string; rowHeader: string }> = [
  { family: 'token-types', title: 'Token types', rowHeader: 'token' },
  { family: 'permissions', title: 'Permissions', rowHeader: 'permission set' },
];

export function operationsSection(checks: readonly CheckRecord[]): SafeHtml {
  const operations = sortOperations(checks.map((check) => check.operation));
  if (operations.length === 0) return html``;
  return html`<section class="card" id="operations">
    <h2>Token-type and permission matrices <span class="muted">per operation</span></h2>
    <div class="toolbar">
      <button type="button" data-expand="open" data-target="details.op">Expand all</button>
      <button type="button" data-expand="close" data-target="details.op">Collapse all</button>
    </div>
    ${operations.map((operation) =>
      operationDetails(
        operation,
        checks.filter((check) => check.operation === operation),
      ),
    )}
  </section>`;
}

function operationDetails(operation: string, checks: readonly CheckRecord[]): SafeHtml {
  const counts = countVerdicts(checks);
  // Operations that need attention start open; clean ones stay out of the way.
  const open = counts.failed + counts.errors + counts.warnings > 0;
  return html`<details class="op" id="${operationAnchor(operation)}" ${open ? html`open` : ''}>
    <summary>${operationLabel(operation)}<span class="muted">${countsText(counts)}</span></summary>
    <div class="op-body">${MATRICES.map((matrix) => labelMatrix(checks, operation, matrix))}</div>
  </details>`;
}

function labelMatrix(
  checks: readonly CheckRecord[],
  operation: string,
  { family, title, rowHeader }: (typeof MATRICES)[number],
): SafeHtml {
  const rows = labelRows(checks, operation, family);
  if (rows.length === 0) {
    return html`<div class="label-matrix" data-family="${family}">
      <h4>${title}</h4>
      <p class="muted">No ${family} checks for this operation in this run.</p>
    </div>`;
  }
  return html`<div class="label-matrix" data-family="${family}">
    <h4>${title}</h4>
    <table>
      <thead>
        <tr>
          <th>${rowHeader}</th>
          <th>verdict</th>
          <th>requirements</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (row) =>
            html`<tr class="label-row" data-worst="${row.worst}">
              <td class="label">${row.label}</td>
              <td>${verdictChip(row.worst)}</td>
              <td class="reqs">${[...new Set(row.checks.map((check) => check.requirement))].join(', ')}</td>
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}
