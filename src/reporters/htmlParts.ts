/** Small HTML pieces the sections share: verdict chips, operation labels, count cells. */
import type { VerdictCounts } from '../model/checkRecord.js';
import type { Verdict } from '../model/verdict.js';
import { compactCounts, countsSentence, DISPLAY_ORDER, VERDICT_SYMBOLS } from './format.js';
import { html, slug, type SafeHtml } from './htmlTemplate.js';
import { operationKey } from './operations.js';

export function verdictChip(verdict: Verdict): SafeHtml {
  return html`<span class="chip v-${verdict}">${VERDICT_SYMBOLS[verdict]} ${verdict}</span>`;
}

export function legend(): SafeHtml {
  return html`<div class="legend">
    ${DISPLAY_ORDER.map((verdict) => verdictChip(verdict))}<span class="muted"
      >cell colour = worst verdict in the cell</span
    >
  </div>`;
}

const METHODS = new Set(['GET', 'POST', 'PUT', 'DELETE']);

/** `[POST] /v1/clients  CLIENTS-CREATE` */
export function operationLabel(operation: string, withKey = true): SafeHtml {
  const space = operation.indexOf(' ');
  const method = space > 0 ? operation.slice(0, space) : '';
  const path = space > 0 ? operation.slice(space + 1) : operation;
  const key = operationKey(operation);
  // A line may break after a slash only, so long paths wrap between segments, never inside `{userId}`.
  const segments = path.split('/').map((segment, i) => (i === 0 ? html`${segment}` : html`/<wbr />${segment}`));
  return html`<span class="method m-${METHODS.has(method) ? method : 'other'}">${method || '?'}</span
    ><code>${segments}</code>${withKey && key !== operation ? html`<span class="key">${key}</span>` : ''}`;
}

export function operationAnchor(operation: string): string {
  return `op-${slug(operationKey(operation))}`;
}

/** A count summary that reads as the compact form and explains itself on hover. */
export function countsText(counts: VerdictCounts): SafeHtml {
  return html`<span title="${countsSentence(counts)}">${compactCounts(counts)}</span>`;
}
