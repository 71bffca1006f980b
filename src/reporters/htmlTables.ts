/** The plain tables at the bottom of `index.html`: observations, uncovered requirements, skipped checks. */
import type { CheckRecord, Observation, Uncovered } from '../model/checkRecord.js';
import { html, type SafeHtml } from './htmlTemplate.js';
import { operationLabel } from './htmlParts.js';

export function observationsSection(observations: readonly Observation[]): SafeHtml {
  return tableCard({
    id: 'observations',
    title: html`Observations
      <span class="muted">what the target did where the docs are silent (${observations.length})</span>`,
    empty: 'None recorded.',
    headers: ['requirement', 'operation', 'question', 'observed', 'check'],
    rows: observations.map(
      (o) =>
        html`<tr>
          <td class="nowrap"><code>${o.requirement}</code></td>
          <td>${operationLabel(o.operation, false)}</td>
          <td>${o.question}</td>
          <td><b>${o.observed}</b></td>
          <td><code>${o.checkId}</code></td>
        </tr>`,
    ),
  });
}

export function uncoveredSection(uncovered: readonly Uncovered[]): SafeHtml {
  return tableCard({
    id: 'uncovered',
    title: html`Uncovered requirements
      <span class="muted">catalog requirements no check reached (${uncovered.length})</span>`,
    empty: 'Every requirement of the catalog was reached.',
    headers: ['requirement', 'operation', 'reason'],
    rows: uncovered.map(
      (u) =>
        html`<tr>
          <td class="nowrap"><code>${u.requirement}</code></td>
          <td>${operationLabel(u.operation, false)}</td>
          <td>${u.reason}</td>
        </tr>`,
    ),
  });
}

/** A card holding one plain table, or a line saying why there is none. */
function tableCard(card: {
  readonly id: string;
  readonly title: SafeHtml;
  readonly empty: string;
  readonly headers: readonly string[];
  readonly rows: readonly SafeHtml[];
}): SafeHtml {
  return html`<section class="card" id="${card.id}">
    <h2>${card.title}</h2>
    ${
      card.rows.length === 0
        ? html`<p class="muted">${card.empty}</p>`
        : html`<div class="wide">
            <table>
              <thead>
                <tr>
                  ${card.headers.map((header) => html`<th>${header}</th>`)}
                </tr>
              </thead>
              <tbody>
                ${card.rows}
              </tbody>
            </table>
          </div>`
    }
  </section>`;
}

/** Skipped checks grouped by their reason: a skip always says why (docs/design.md §1). */
export function skippedSection(checks: readonly CheckRecord[]): SafeHtml {
  const skipped = checks.filter((check) => check.verdict === 'skipped');
  if (skipped.length === 0) return html``;
  const byReason = new Map<string, CheckRecord[]>();
  for (const check of skipped) byReason.set(check.message, [...(byReason.get(check.message) ?? []), check]);
  return html`<section class="card" id="skipped">
    <details>
      <summary>
        <h2 style="display:inline">Skipped checks <span class="muted">(${skipped.length}, by reason)</span></h2>
      </summary>
      <div class="wide">
        <table>
          <thead>
            <tr>
              <th>reason</th>
              <th>checks</th>
              <th>requirements</th>
            </tr>
          </thead>
          <tbody>
            ${[...byReason].map(
              ([reason, group]) =>
                html`<tr>
                  <td>${reason}</td>
                  <td>${group.length}</td>
                  <td class="reqs">${[...new Set(group.map((c) => c.requirement))].join(', ')}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
    </details>
  </section>`;
}
