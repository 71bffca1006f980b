import type { RecordedExchange } from '../model/checkRecord.js';

/**
 * A check's record keeps what a person needs to see the failure, not every request of every generated case:
 * a property check at nightly depth sends thousands. The first exchanges show the set-up, the last ones the
 * failure (and the curl line reproduces the very last); bodies beyond a few KiB are cut with their size noted.
 */
export interface ExchangeBudget {
  readonly head: number;
  readonly tail: number;
  readonly maxBodyChars: number;
}

export const DEFAULT_EXCHANGE_BUDGET: ExchangeBudget = { head: 5, tail: 15, maxBodyChars: 4096 };

export function boundExchanges(
  exchanges: readonly RecordedExchange[],
  budget: ExchangeBudget = DEFAULT_EXCHANGE_BUDGET,
): { exchanges: RecordedExchange[]; omitted: number } {
  const keep = budget.head + budget.tail;
  const chosen =
    exchanges.length <= keep ? exchanges : [...exchanges.slice(0, budget.head), ...exchanges.slice(-budget.tail)];
  return {
    exchanges: chosen.map((e) => boundBodies(e, budget.maxBodyChars)),
    omitted: Math.max(0, exchanges.length - keep),
  };
}

/** A curl line that carries a body of 100 KiB helps nobody: cut it, saying so (the exchange shows the start). */
export function boundCurl(curl: string, max: number = DEFAULT_EXCHANGE_BUDGET.maxBodyChars): string {
  return curl.length <= max ? curl : `${curl.slice(0, max)}… [cut: a ${curl.length}-character command]`;
}

/** One exchange with its request and response bodies cut to `max` characters (src/suite/exchangeCollector.ts). */
export function boundBodies(exchange: RecordedExchange, max: number): RecordedExchange {
  const request =
    'body' in exchange.request ? { ...exchange.request, body: bound(exchange.request.body, max) } : exchange.request;
  const response =
    exchange.response && 'body' in exchange.response
      ? { ...exchange.response, body: bound(exchange.response.body, max) }
      : exchange.response;
  return { ...exchange, request, ...(response ? { response } : {}) };
}

function bound(body: unknown, max: number): unknown {
  const excerpt = typeof body === 'string' ? { text: body, length: body.length } : jsonExcerpt(body, max);
  if (excerpt === undefined || excerpt.length <= max) return body;
  return `${flatCopy(excerpt.text.slice(0, max))}… [cut: ${excerpt.length} characters in all]`;
}

/**
 * The first `max` characters of `JSON.stringify(value)` and its whole length, without writing out the long strings
 * inside it: each string beyond `max` characters is stringified cut to `max + 1` (its JSON text starts the same and
 * runs past `max` either way), and the length it lost is added back. A 4 MB body costs a scan, not a 4 MB copy.
 */
export function jsonExcerpt(value: unknown, max: number): { text: string; length: number } | undefined {
  let lost = 0;
  const text = JSON.stringify(value, (_key, inner: unknown) => {
    if (typeof inner !== 'string' || inner.length <= max + 1) return inner;
    const kept = inner.slice(0, max + 1);
    lost += jsonLength(inner) - jsonLength(kept);
    return kept;
  }) as string | undefined;
  return text === undefined ? undefined : { text, length: text.length + lost };
}

/** `JSON.stringify(text).length`, without the copy when nothing in the text needs escaping. */
function jsonLength(text: string): number {
  return /["\\\u0000-\u001f\ud800-\udfff]/.test(text) ? JSON.stringify(text).length : text.length + 2;
}

/**
 * V8 keeps a slice of a long string as a view on the whole one: a 4 KiB excerpt of a 4 MB body would keep the
 * 4 MB alive for as long as the record lives. A UTF-16 round trip makes an independent copy, code unit for code
 * unit (a lone surrogate at the cut survives unchanged).
 */
function flatCopy(text: string): string {
  return Buffer.from(text, 'utf16le').toString('utf16le');
}
