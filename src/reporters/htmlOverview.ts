/** The top of `index.html`: run header with totals, and the operations × families conformance matrix. */
import type { RunResults } from '../model/checkRecord.js';
import { countOf, DISPLAY_ORDER, formatDuration, totalOf, worstVerdictOf } from './format.js';
import { html, type SafeHtml } from './htmlTemplate.js';
import { countsText, legend, operationAnchor, operationLabel } from './htmlParts.js';
import { conformanceMatrix } from './matrix.js';

const TILE_NOUNS = {
  passed: 'passed',
  observed: 'observed',
  failed: 'failed',
  warning: 'warnings',
  skipped: 'skipped',
  error: 'errors',
} as const;

/** The run's overall state, worded as the exit code means it (docs/design.md §3.1: failed → 1, could not check → 2). */
function status(results: RunResults): SafeHtml {
  const { summary } = results;
  if (summary.failed > 0)
    return html`<span class="status v-failed"
      >Failed: ${summary.failed} check${summary.failed === 1 ? '' : 's'} failed</span
    >`;
  if (summary.errors > 0 || results.runErrors.length > 0)
    return html`<span class="status v-error">Incomplete: the run could not check everything</span>`;
  if (summary.warnings > 0)
    return html`<span class="status v-warning"
      >Passed with ${summary.warnings} warning${summary.warnings === 1 ? '' : 's'}</span
    >`;
  return html`<span class="status v-passed">Passed</span>`;
}

export function runHeader(results: RunResults): SafeHtml {
  const { run, tool, summary } = results;
  return html`<header class="card">
      <div>
        <h1>CIS conformance report</h1>
        ${status(results)}
        <dl class="meta">
          <dt>Run</dt>
          <dd class="mono">${run.id}</dd>
          <dt>Target</dt>
          <dd class="mono">${run.target}</dd>
          <dt>Seed</dt>
          <dd class="mono">${run.seed}</dd>
          <dt>Mode</dt>
          <dd>${run.strict ? 'strict (inferred rules fail)' : 'default (inferred rules warn)'}</dd>
          <dt>Suites</dt>
          <dd>${run.suites.length > 0 ? run.suites.join(', ') : 'all'}</dd>
          ${
            run.shard
              ? html`<dt>Shard</dt>
                  <dd>${run.shard}</dd>`
              : ''
          }
          <dt>Started</dt>
          <dd>${run.startedAt} · ${formatDuration(run.durationMs)}</dd>
          <dt>Tool</dt>
          <dd>${tool.name} ${tool.version}</dd>
        </dl>
      </div>
      <div>
        <div class="tiles">
          ${DISPLAY_ORDER.map(
            (verdict) =>
              html`<div class="tile v-${verdict}" data-total="${verdict}">
                <b>${countOf(summary, verdict)}</b>${TILE_NOUNS[verdict]}
              </div>`,
          )}
        </div>
        <p class="muted">
          ${totalOf(summary)} checks · ${results.observations.length} observations · ${results.uncovered.length}
          uncovered requirements
        </p>
      </div>
    </header>
    ${
      results.runErrors.length > 0
        ? html`<section class="card v-error" id="run-errors">
            <h2>Run errors</h2>
            <ul>
              ${results.runErrors.map((message) => html`<li><pre>${message}</pre></li>`)}
            </ul>
          </section>`
        : ''
    }`;
}

export function matrixSection(results: RunResults): SafeHtml {
  const matrix = conformanceMatrix(results.checks);
  if (matrix.operations.length === 0) {
    return html`<section class="card" id="matrix">
      <h2>Conformance matrix</h2>
      <p class="muted">No checks ran.</p>
    </section>`;
  }
  const rows = matrix.operations.map((operation) => {
    const cells = matrix.families.map((family) => {
      const cell = matrix.cell(operation, family);
      return cell
        ? html`<td class="cell v-${cell.worst}" data-family="${family}" data-worst="${cell.worst}">
            <a href="#${operationAnchor(operation)}">${countsText(cell.counts)}</a>
          </td>`
        : html`<td class="empty" data-family="${family}">·</td>`;
    });
    const totals = matrix.operationTotals(operation);
    return html`<tr data-operation="${operation}">
      <th scope="row">${operationLabel(operation)}</th>
      ${cells}
      <td class="total">${countsText(totals)}</td>
    </tr>`;
  });
  const footer = matrix.families.map((family) => {
    const counts = matrix.familyTotals(family);
    return html`<td class="total v-${worstVerdictOf(counts) ?? 'skipped'}">${countsText(counts)}</td>`;
  });
  return html`<section class="card" id="matrix">
    <h2>Conformance matrix <span class="muted">operations × check families</span></h2>
    <div class="wide">
      <table class="matrix">
        <thead>
          <tr>
            <th>operation</th>
            ${matrix.families.map((family) => html`<th>${family}</th>`)}
            <th>all</th>
          </tr>
        </thead>
        <tbody>
          ${rows}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">all operations</th>
            ${footer}
            <td class="total">${countsText(results.summary)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
    ${legend()}
    ${matrix.absentFamilies.length > 0 ? html`<p class="muted">No checks of these families in this run: ${matrix.absentFamilies.join(', ')}.</p>` : ''}
  </section>`;
}
