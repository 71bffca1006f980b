/**
 * Odd and hostile inputs for the robustness checks of any operation: path ids, query strings, headers and raw
 * bodies. Path segments are given already percent-encoded, because what reaches the server is the point.
 *
 * A bare `..` segment cannot be sent: the URL parser resolves `/v1/clients/..` (and `%2E%2E`) to `/v1/` before
 * the request leaves, so dot segments are sent with an encoded slash (`..%2F..%2Fclients`), which survives.
 */

export interface OddSegment {
  /** Matrix cell label. */
  readonly cell: string;
  /** The path segment exactly as sent (already percent-encoded). */
  readonly segment: string;
}

/** Ids that must read as any unknown id: 404 (the ODD-ID-404 rules, docs/decisions.md #20). */
export const ODD_IDS: readonly OddSegment[] = [
  { cell: 'encoded slash', segment: encodeURIComponent('conformance/odd-id') },
  { cell: 'dot segments', segment: encodeURIComponent('../../clients') },
  { cell: 'unicode', segment: encodeURIComponent('клиент-🔑-ü-中') },
  { cell: 'very long', segment: 'x'.repeat(1024) },
];

/** Ids for the never-5xx rules: ODD_IDS plus injection-shaped, prototype-named and badly encoded ones. */
export const HOSTILE_IDS: readonly OddSegment[] = [
  ...ODD_IDS,
  { cell: 'NUL byte', segment: '%00' },
  { cell: 'invalid percent-encoding', segment: '%ZZ%E0%A4' },
  { cell: 'overlong UTF-8', segment: '%C0%AF%C0%AE' },
  { cell: 'lone percent', segment: '%25' },
  { cell: '__proto__', segment: '__proto__' },
  { cell: 'constructor', segment: 'constructor' },
  { cell: 'SQL injection', segment: encodeURIComponent("' OR '1'='1' --") },
  { cell: 'template injection', segment: encodeURIComponent('${7*7}{{7*7}}') },
  { cell: 'markup', segment: encodeURIComponent('<script>alert(1)</script>') },
  { cell: 'whitespace', segment: '%20%09%0A' },
  { cell: 'extremely long', segment: 'y'.repeat(8000) },
];

/** Raw query strings (without `?`) a server must survive. */
export const HOSTILE_QUERIES: readonly string[] = [
  '%00=%00',
  'a=%E0%A4%A',
  'client_id[]=a&client_id[]=b&client_id[$ne]=c',
  '__proto__[polluted]=1&constructor[prototype][polluted]=1',
  '=&&==&a',
  `client_id=${'q'.repeat(4000)}`,
];

export interface OddHeaders {
  readonly cell: string;
  readonly headers: Readonly<Record<string, string>>;
}

/** Header sets a server must survive (the Authorization header stays valid: tokens are another suite's topic). */
export const HOSTILE_HEADERS: readonly OddHeaders[] = [
  { cell: 'accept text/html only', headers: { accept: 'text/html' } },
  { cell: 'accept nothing acceptable', headers: { accept: 'application/xml;q=1, */*;q=0' } },
  { cell: 'forwarded host', headers: { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'gopher' } },
  { cell: 'method override', headers: { 'x-http-method-override': 'PATCH' } },
  { cell: 'odd content-encoding', headers: { 'content-encoding': 'br, compress' } },
  { cell: 'large header', headers: { 'x-conformance-large': 'h'.repeat(8000) } },
];

export interface RawBody {
  readonly cell: string;
  readonly rawBody: string;
  readonly contentType: string;
}

const JSON_TYPE = 'application/json';

/**
 * Nesting depths. Every request body is recorded in the check's record, parsed when it is JSON: a record nested
 * ~2000 deep overflows the structured clone that carries it out of the vitest worker, and a pretty-printed
 * results.json grows with the square of the depth. So well-formed deep bodies stay at 128 (above common parser
 * limits such as 32, 64 or 100), and the really deep one ends in junk: it is recorded as flat text, yet a
 * recursive parser still descends all the way before it meets the junk.
 */
const NESTING = 128;
const DEEP_NESTING = 20_000;

/**
 * Raw bodies a body-taking operation must survive; `valid` is a valid body of the operation, from which
 * field-level mutations are derived (each field null, each field an object, each field a huge string).
 * `keepName` (live mode): every odd string a body puts in `name` follows the valid name (which carries the run's
 * prefix), `<valid name> <odd>`, so a client an offending target creates from it is still provably the run's and
 * swept (docs/decisions.md #75); the odd characters stay in the name.
 */
export function hostileBodies(
  valid: Readonly<Record<string, unknown>>,
  options: { readonly keepName?: boolean } = {},
): RawBody[] {
  const validName = valid['name'];
  const ownName = (odd: string): string =>
    options.keepName && typeof validName === 'string' ? `${validName} ${odd}` : odd;
  const json = (cell: string, value: unknown): RawBody => ({
    cell,
    rawBody: JSON.stringify(value),
    contentType: JSON_TYPE,
  });
  const raw = (cell: string, rawBody: string, contentType = JSON_TYPE): RawBody => ({ cell, rawBody, contentType });
  const mapFields = (f: (value: unknown) => unknown): Record<string, unknown> =>
    Object.fromEntries(
      Object.entries(valid).map(([key, value]) => {
        const odd = f(value);
        return [key, key === 'name' && typeof odd === 'string' ? ownName(odd) : odd];
      }),
    );
  return [
    raw('JSON null', 'null'),
    raw('JSON array', '[]'),
    raw('JSON string', '"text"'),
    raw('JSON number', '42'),
    raw('empty object', '{}'),
    raw('empty body', ''),
    raw('truncated JSON', '{"name":'),
    raw('deeply nested arrays', `${'['.repeat(NESTING)}${']'.repeat(NESTING)}`),
    raw('deeply nested objects', `${'{"a":'.repeat(NESTING)}1${'}'.repeat(NESTING)}`),
    raw('very deep arrays then junk', `${'['.repeat(DEEP_NESTING)}${']'.repeat(DEEP_NESTING)} junk`),
    raw(
      'duplicate keys',
      `{"name":${JSON.stringify(ownName('a'))},"name":{"$gt":""},${JSON.stringify(valid).slice(1)}`,
    ),
    raw('__proto__ key', `{"__proto__":{"polluted":true},${JSON.stringify(valid).slice(1)}`),
    raw(
      'constructor.prototype key',
      `{"constructor":{"prototype":{"polluted":true}},${JSON.stringify(valid).slice(1)}`,
    ),
    raw('byte order mark', `\ufeff${JSON.stringify(valid)}`),
    raw('number overflow', JSON.stringify(valid).replace(/^\{/, '{"session_expiration":1e400,')),
    raw('lone surrogate and NUL', JSON.stringify(mapFields((v) => (typeof v === 'string' ? '\u0000\ud800' : v)))),
    raw('utf-16 charset', JSON.stringify(valid), 'application/json; charset=utf-16'),
    raw(
      'form encoded',
      `name=${encodeURIComponent(ownName('x'))}&redirect_uris=y`,
      'application/x-www-form-urlencoded',
    ),
    raw('no content type', JSON.stringify(valid), ''),
    json(
      'every field null',
      mapFields(() => null),
    ),
    json(
      'every field an object',
      mapFields(() => ({ toString: 1, valueOf: 2 })),
    ),
    json(
      'every field a long string',
      mapFields(() => 's'.repeat(4_000)),
    ),
    json('long array', { ...valid, redirect_uris: Array.from({ length: 500 }, (_, i) => `https://e.test/${i}`) }),
    raw('over 100 KiB', JSON.stringify({ ...valid, description: 'd'.repeat(101 * 1024) })),
  ];
}
