/** The plain tables at the bottom of `index.html`: observations, uncovered requirements, skipped checks. */
import type { CheckRecord, Observation, Uncovered } from '../model/checkRecord.js';
import { html, type SafeHtml } from './htmlTemplate.js';
import { operationLabel } from './htmlParts.js';

export function observationsSection(observations: readonly Observation[]): SafeHtml {
  return html`<section class="card" id="observations">
    <h2>
      Observations <span class="muted">what the target did where the docs are silent (${observations.length})</span>
    </h2>
    ${
      observations.length === 0
        ? html`<p class="muted">None recorded.</p>`
        : html`<div class="wide">
            <table>
              <thead>
                <tr>
                  <th>requirement</th>
                  <th>operation</th>
                  <th>question</th>
                  <th>observed</th>
                  <th>check</th>
                </tr>
              </thead>
              <tbody>
                ${observations.map(
                  (o) =>
                    html`<tr>
                      <td class="nowrap"><code>${o.requirement}</code></td>
                      <td>${operationLabel(o.operation, false)}</td>
                      <td>${o.question}</td>
                      <td><b>${o.observed}</b></td>
                      <td><code>${o.checkId}</code></td>
                    </tr>`,
                )}
              </tbody>
            </table>
          </div>`
    }
  </section>`;
}

export function uncoveredSection(uncovered: readonly Uncovered[]): SafeHtml {
  return html`<section class="card" id="uncovered">
    <h2>
      Uncovered requirements <span class="muted">catalog requirements no check reached (${uncovered.length})</span>
    </h2>
    ${
      uncovered.length === 0
        ? html`<p class="muted">Every requirement of the catalog was reached.</p>`
        : html`<div class="wide">
            <table>
              <thead>
                <tr>
                  <th>requirement</th>
                  <th>operation</th>
                  <th>reason</th>
                </tr>
              </thead>
              <tbody>
                ${uncovered.map(
                  (u) =>
                    html`<tr>
                      <td class="nowrap"><code>${u.requirement}</code></td>
                      <td>${operationLabel(u.operation, false)}</td>
                      <td>${u.reason}</td>
                    </tr>`,
                )}
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
