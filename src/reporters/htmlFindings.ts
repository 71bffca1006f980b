/** Failures, warnings and errors, each expandable to its message, reproduction and recorded exchanges. */
import type { CheckRecord, RecordedExchange } from '../model/checkRecord.js';
import { findingsOf, formatDuration } from './format.js';
import { html, slug, type SafeHtml } from './htmlTemplate.js';
import { operationLabel, verdictChip } from './htmlParts.js';

export function findingsSection(checks: readonly CheckRecord[]): SafeHtml {
  const findings = findingsOf(checks);
  if (findings.length === 0) {
    return html`<section class="card" id="findings">
      <h2>Failures, warnings and errors</h2>
      <p class="muted">None.</p>
    </section>`;
  }
  const count = (verdict: string): number => findings.filter((check) => check.verdict === verdict).length;
  return html`<section class="card" id="findings">
    <h2>Failures, warnings and errors <span class="muted">(${findings.length})</span></h2>
    <div class="toolbar">
      <button type="button" class="active" data-filter-button="all">All</button>
      <button type="button" data-filter-button="failed">Failed (${count('failed')})</button>
      <button type="button" data-filter-button="error">Errors (${count('error')})</button>
      <button type="button" data-filter-button="warning">Warnings (${count('warning')})</button>
      <button type="button" data-expand="open" data-target="details.finding">Expand all</button>
      <button type="button" data-expand="close" data-target="details.finding">Collapse all</button>
    </div>
    <div class="findings" data-filter="all">${findings.map(finding)}</div>
  </section>`;
}

function finding(check: CheckRecord): SafeHtml {
  const { reproduction } = check;
  return html`<details class="finding v-${check.verdict}" id="check-${slug(check.id)}" data-verdict="${check.verdict}">
    <summary>
      ${verdictChip(check.verdict)}<b>${check.requirement}</b>${operationLabel(check.operation, false)}<span
        >${check.title}${check.cell ? html` <span class="muted">(${check.cell})</span>` : ''}</span
      >
    </summary>
    <div class="finding-body">
      <h5>Observed vs expected</h5>
      <pre class="message">${check.message}</pre>
      <p class="muted">
        check <code>${check.id}</code> · family ${check.family} · evidence <b>${check.evidence}</b> ·
        ${formatDuration(check.durationMs)}
      </p>
      <h5>Reproduction</h5>
      <p>
        seed
        <code>${reproduction.seed}</code
        >${reproduction.path ? html` · counterexample path <code>${reproduction.path}</code>` : ''}
      </p>
      ${copyable('command', reproduction.command)} ${reproduction.curl ? copyable('curl', reproduction.curl) : ''}
      ${
        check.exchanges.length > 0
          ? html`<h5>Recorded exchanges (${exchangesHeading(check)})</h5>
              ${check.exchanges.map(exchange)}`
          : ''
      }
    </div>
  </details>`;
}

/** A command line with a copy button (the inline script copies the `<pre>` after the button). */
function copyable(kind: string, line: string): SafeHtml {
  return html`<div class="copyable">
    <button type="button" class="copy">copy</button>
    <pre class="${kind}">${line}</pre>
  </div>`;
}

function exchange(recorded: RecordedExchange, index: number): SafeHtml {
  const { request, response } = recorded;
  return html`<div class="exchange">
    <div>
      <b>#${index + 1} →</b> <code>${request.method} ${request.url}</code>
      <span class="muted">${formatDuration(recorded.durationMs)}</span>
    </div>
    ${headersAndBody(request.headers, request.body)}
    ${
      response
        ? html`<div><b>← ${response.status}</b></div>
            ${headersAndBody(response.headers, response.body)}`
        : html`<div><b>← no response</b></div>`
    }
    ${recorded.error ? html`<pre class="error">${recorded.error}</pre>` : ''}
  </div>`;
}

function headersAndBody(headers: Readonly<Record<string, string>>, body: unknown): SafeHtml {
  const headerText = Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}`)
    .join('\n');
  return html`${headerText ? html`<pre class="headers">${headerText}</pre>` : ''}${
    body === undefined
      ? ''
      : html`<pre class="body">${typeof body === 'string' ? body : JSON.stringify(body, null, 2)}</pre>`
  }`;
}

/** "12", or "20 of 340: the first 5 and the last 15" when the record left exchanges out. */
function exchangesHeading(check: CheckRecord): string {
  const kept = check.exchanges.length;
  return check.exchangesOmitted
    ? `${kept} of ${kept + check.exchangesOmitted}: the first and the last ones`
    : `${kept}`;
}
