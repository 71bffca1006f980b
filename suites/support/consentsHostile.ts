/**
 * Hostile requests for the Consents NO-5XX checks: odd path ids, odd query strings and odd headers on each of the
 * seven operations. A fixed corpus (the inputs that break servers in practice: prototype keys, NUL, invalid
 * percent-encoding, operator objects, huge and non-ASCII values) plus a few strings generated from the run seed.
 */
import fc from 'fast-check';
import type { CheckCredential, SendRequest } from '../../src/suite/index.js';

/** Path segments sent URI-encoded (as a client library would). */
const ENCODED_SEGMENTS: readonly string[] = [
  'a'.repeat(1100),
  ' ',
  '__proto__',
  'constructor',
  '{"$ne":null}',
  "' OR '1'='1",
  '😀漢ü',
  '\u0000',
  '../../etc/passwd',
  'null',
];

/** Path segments sent exactly as written: broken or tricky percent-encoding reaches the server's decoder. */
const RAW_SEGMENTS: readonly string[] = ['%', '%00', '%E0%A4%A', '..%2F..%2F', '%2e%2e'];

const QUERY_VALUES: readonly string[] = ['', '__proto__', 'a'.repeat(1100), '\u0000', '{"$ne":null}', '😀'];

/** Whole query strings appended as written: repeated, bracketed and undecodable parameters. */
const RAW_QUERIES: readonly string[] = [
  'client_id=a&client_id=b&user_id=c&user_id=d',
  'client_id[$ne]=x&user_id[]=y',
  'consent_id[]=1&app_id[a]=b',
  'client_id=%E0%A4%A&user_id=%',
  '&&==&=',
];

/** Strings from the run seed (replayable with --seed): printable and control ASCII, and whole graphemes. */
export function generatedStrings(seed: number, count: number): string[] {
  const arbitrary = fc.oneof(
    fc.string({ unit: 'binary-ascii', maxLength: 40 }),
    fc.string({ unit: 'grapheme', maxLength: 12 }),
  );
  return fc.sample(arbitrary, { seed, numRuns: count });
}

export interface HostileOperation {
  readonly key: string;
  readonly method: 'GET' | 'DELETE';
  /** Path with each slot filled by `fill(name)` (already encoded, or raw). */
  path(fill: (slot: string) => string): string;
  readonly slots: readonly string[];
  /** The query parameters the operation documents. */
  readonly queryNames: readonly string[];
}

export interface HostileRequest {
  /** What is odd about it, for the finding's message. */
  readonly label: string;
  readonly request: SendRequest;
}

/**
 * Every hostile variant of one operation. `normal` fills the slots and documented query parameters with valid
 * values (so only one thing is odd at a time); `token` authorizes the request (hostile input must get past auth
 * to reach the handler's parsing and lookups).
 */
export function hostileRequests(
  operation: HostileOperation,
  normal: { readonly slots: Readonly<Record<string, string>>; readonly query: Readonly<Record<string, string>> },
  token: CheckCredential,
  generated: readonly string[],
): HostileRequest[] {
  const pathWith = (slot: string | undefined, value: string): string =>
    operation.path((name) => (name === slot ? value : encodeURIComponent(normal.slots[name] ?? 'x')));
  const base = { method: operation.method, token, query: normal.query };
  const out: HostileRequest[] = [];
  const show = (value: string): string =>
    JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}… (${value.length} chars)` : value);
  for (const slot of operation.slots) {
    for (const value of [...ENCODED_SEGMENTS, ...generated]) {
      out.push({
        label: `path ${slot} ${show(value)}`,
        request: { ...base, path: pathWith(slot, encodeURIComponent(value)) },
      });
    }
    for (const value of RAW_SEGMENTS)
      out.push({ label: `raw path ${slot} ${value}`, request: { ...base, path: pathWith(slot, value) } });
  }
  for (const name of operation.queryNames) {
    for (const value of QUERY_VALUES) {
      out.push({
        label: `query ${name}=${show(value)}`,
        request: { ...base, path: pathWith(undefined, ''), query: { ...normal.query, [name]: value } },
      });
    }
  }
  for (const raw of RAW_QUERIES) {
    out.push({ label: `raw query ?${raw}`, request: { ...base, path: `${pathWith(undefined, '')}?${raw}` } });
  }
  const plain = { method: operation.method, path: pathWith(undefined, ''), query: normal.query };
  out.push(
    { label: 'accept: text/html', request: { ...base, path: plain.path, headers: { accept: 'text/html' } } },
    {
      label: 'an XML body',
      request: { ...base, path: plain.path, rawBody: '<consent/>', headers: { 'content-type': 'application/xml' } },
    },
    {
      label: 'a malformed JSON body',
      request: {
        ...base,
        path: plain.path,
        rawBody: '{"consent_id":',
        headers: { 'content-type': 'application/json' },
      },
    },
    {
      label: 'an 8 KiB Authorization header of garbage',
      request: { ...plain, headers: { authorization: `Bearer ${'x'.repeat(8192)}` } },
    },
    { label: 'a Basic authorization header', request: { ...plain, headers: { authorization: 'Basic Zm9vOmJhcg==' } } },
  );
  return out;
}
