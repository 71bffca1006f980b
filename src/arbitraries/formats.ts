import fc from 'fast-check';
import { fullFormats } from 'ajv-formats/dist/formats.js';

/** Dates stay within four-digit years so `toISOString()` keeps the RFC 3339 shape ajv-formats accepts. */
const DATE_RANGE = { min: new Date('1970-01-01T00:00:00.000Z'), max: new Date('2099-12-31T23:59:59.999Z') };

/** Strings of 1..max characters from `chars` (cheap to build, unlike fc.stringMatching or fc.webPath). */
export function wordOf(chars: string, maxLength: number): fc.Arbitrary<string> {
  // Cached: fast-check does real work when a string arbitrary is built, and arbitraries are immutable.
  const key = `${maxLength}:${chars}`;
  let word = words.get(key);
  if (!word) words.set(key, (word = fc.string({ unit: fc.constantFrom(...chars), minLength: 1, maxLength })));
  return word;
}
const words = new Map<string, fc.Arbitrary<string>>();

const UNRESERVED = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~';

/** `/a/b-c` style paths (possibly just `/`), made of unreserved characters only. */
function uriPath(): fc.Arbitrary<string> {
  return fc.array(wordOf(UNRESERVED, 8), { maxLength: 3 }).map((segments) => `/${segments.join('/')}`);
}

/** Absolute URLs shaped like real redirect and callback URIs: scheme, host, path, sometimes query and fragment. */
function uri(): fc.Arbitrary<string> {
  const query = fc.tuple(wordOf(UNRESERVED, 6), wordOf(UNRESERVED, 6)).map(([k, v]) => `?${k}=${v}`);
  const fragment = wordOf(UNRESERVED, 6).map((f) => `#${f}`);
  return fc
    .tuple(fc.constantFrom('https', 'https', 'http'), fc.domain(), uriPath(), fc.option(query), fc.option(fragment))
    .map(([scheme, host, path, q, f]) => `${scheme}://${host}${path}${q ?? ''}${f ?? ''}`);
}

/** `https://<domain><path>` URLs, no query or fragment: the shape of a redirect URI a real service takes. */
export function httpsUrl(): fc.Arbitrary<string> {
  return (httpsUrls ??= fc.tuple(fc.domain(), uriPath()).map(([host, path]) => `https://${host}${path}`));
}
let httpsUrls: fc.Arbitrary<string> | undefined;

const VALID: Readonly<Record<string, () => fc.Arbitrary<string>>> = {
  // fc.webUrl is not used: building its path arbitrary takes about a second, once per process.
  uri,
  'uri-reference': () => fc.oneof(uri(), uriPath()),
  'date-time': () => fc.date({ ...DATE_RANGE, noInvalidDate: true }).map((date) => date.toISOString()),
  email: () => fc.emailAddress(),
  uuid: () => fc.uuid(),
};

/** Strings that ajv-formats rejects for each format (checked against `fullFormats` in the tests). */
const INVALID: Readonly<Record<string, readonly string[]>> = {
  uri: ['not a uri', 'example.com/no-scheme', 'http://exa mple.com/', '::'],
  'uri-reference': ['not a uri', 'http://exa mple.com/', '\\\\server\\share', '%zz'],
  'date-time': ['not-a-date', '2024-13-01T00:00:00Z', '2024-01-01', '2024-01-01T25:00:00Z', '2024-01-01 10:00'],
  email: ['not-an-email', 'a@', '@example.com', 'a b@example.com', 'a@@example.com'],
  uuid: ['not-a-uuid', '123', '123e4567-e89b-12d3-a456-42661417400', '123e4567e89b12d3a456426614174000z'],
};

export const SUPPORTED_FORMATS: readonly string[] = Object.keys(VALID);

function assertSupported(format: string, at: string): void {
  if (!(format in VALID))
    throw new Error(`unsupported format "${format}" at ${at} (supported: ${SUPPORTED_FORMATS.join(', ')})`);
}

/** Strings ajv-formats accepts for `format`. */
export function formatArbitrary(format: string, at: string): fc.Arbitrary<string> {
  assertSupported(format, at);
  return VALID[format]!();
}

/** A fixed list of strings ajv-formats rejects for `format`. */
export function badFormatValues(format: string, at: string): readonly string[] {
  assertSupported(format, at);
  return INVALID[format]!;
}

/** The same format check ajv runs (ajv-formats, "full" mode). */
export function conformsToFormat(format: string, value: string): boolean {
  const check = (fullFormats as Record<string, unknown>)[format];
  if (check === undefined) throw new Error(`unknown format "${format}"`);
  if (check instanceof RegExp) return check.test(value);
  if (typeof check === 'function') return Boolean((check as (s: string) => boolean)(value));
  const validate = (check as { validate: RegExp | ((s: string) => boolean) }).validate;
  return validate instanceof RegExp ? validate.test(value) : Boolean(validate(value));
}
