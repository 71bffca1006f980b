/**
 * A tiny HTML template tag that escapes by default: every interpolated value is redacted and escaped unless
 * it is itself the output of `html` (a `SafeHtml`). Escaping is therefore the structure of the HTML reporter,
 * not a call someone has to remember. Values go only in element content or quoted attribute values.
 */
import { escapeHtml } from './escape.js';
import { redactText } from './redact.js';

export class SafeHtml {
  constructor(readonly markup: string) {}
  toString(): string {
    return this.markup;
  }
}

export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}

function render(value: HtmlValue): string {
  if (value instanceof SafeHtml) return value.markup;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || typeof value === 'boolean') return '';
  return escapeHtml(redactText(String(value)));
}

/** Markup the reporter itself wrote (the inline stylesheet and script). Never for data. */
export function trustedMarkup(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

/** A fragment id made of safe characters only: `op-CLIENTS-CREATE`. */
export function slug(text: string): string {
  return text.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '');
}
