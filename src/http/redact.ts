/**
 * Secret redaction for everything that leaves a check: recorded exchanges, messages, curl lines.
 * Three layers, because any one alone misses something: header names, JSON keys and text patterns catch
 * secrets by shape; the ledger catches values the run learnt (tokens it sent, client secrets it was given)
 * wherever they turn up later (an error message quoting a body, a list of clients).
 */
import type { RecordedExchange } from '../model/checkRecord.js';
import { SECRET_HEADERS as SECRET_HEADER_NAMES, SECRET_KEYS } from '../model/secrets.js';

export const REDACTED = '[REDACTED]';

const SECRET_KEY_SET = new Set(SECRET_KEYS.map((key) => key.toLowerCase()));
const SECRET_HEADERS = new Set<string>(SECRET_HEADER_NAMES);
const KEYS = SECRET_KEYS.join('|');
const JWT = /eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*/g;
// A credential is an RFC 6750 b64token of 8 or more characters: prose such as "no bearer token: send Bearer <JWT>"
// stays readable, while every real token (and every token the run used, through the ledger) is redacted.
const BEARER = /(Bearer)\s+(?!\[REDACTED\])[A-Za-z0-9\-._~+/]{8,}=*/gi;
const FORM_FIELD = new RegExp(`\\b(${KEYS})=[^&\\s"']*`, 'gi');
const JSON_FIELD = new RegExp(`"(${KEYS})"\\s*:\\s*"(?:[^"\\\\]|\\\\.)*"`, 'gi');
/**
 * The user-info of a URL (`http://user:password@host`): the password becomes `[REDACTED]`, the user name stays
 * (it tells which account was used); a user-info without a colon is often a token and is redacted whole.
 */
const URL_USER_INFO = /\b([a-z][a-z0-9+.-]*:\/\/)([^\s/?#@:"<>]*)(:(?:\\"|[^\s/?#@"<>])*)?@/gi;
/**
 * What a string must contain for one of the patterns above to match (`"` for JSON_FIELD, `=` for FORM_FIELD, `@`
 * for URL_USER_INFO, `eyJ` for JWT, `bearer` for BEARER): most strings of a body hold none, and skip the five
 * replacements.
 */
const MAY_MATCH_A_PATTERN = /["=@]|eyJ|bearer/i;
/** Shorter values are too likely to occur by chance (ids, "web") to be replaced literally. */
const MIN_LEDGER_LENGTH = 8;

/** Values a check has learnt are secret. One per check; never shared through module state. */
export class SecretLedger {
  private readonly known = new Set<string>();
  private sorted: readonly string[] | undefined;
  add(value: unknown): void {
    if (typeof value !== 'string' || value.length < MIN_LEDGER_LENGTH || value === REDACTED) return;
    if (this.known.has(value)) return;
    this.known.add(value);
    this.sorted = undefined;
  }
  /** Learns the bearer token of an Authorization header value. */
  addAuthorization(header: string | undefined): void {
    if (!header) return;
    const match = /^\s*\S+\s+(.+)$/.exec(header);
    this.add(match?.[1]?.trim() ?? header);
  }
  /** Learns every secret-keyed string inside a JSON value (e.g. a created client's `client_secret`). */
  addFromJson(value: unknown, depth = 0): void {
    if (depth > 32 || typeof value !== 'object' || value === null) return;
    for (const [key, inner] of Object.entries(value)) {
      if (SECRET_KEY_SET.has(key.toLowerCase())) this.add(inner);
      else this.addFromJson(inner, depth + 1);
    }
  }
  values(): readonly string[] {
    // Longest first, so a secret that contains another is replaced whole. Sorted once per new secret: every
    // string of every recorded body asks.
    return (this.sorted ??= [...this.known].sort((a, b) => b.length - a.length));
  }
}

/**
 * Secrets the process holds without learning them from an exchange: the live credentials (client secrets, a user
 * token from the environment) and the access tokens fetched with them. Process-wide on purpose: they are the same
 * for every check, and a log line or report written anywhere in the process must never show them.
 */
const processSecrets = new Set<string>();
let processSecretsSorted: readonly string[] = [];

export function registerProcessSecret(value: string | undefined): void {
  if (typeof value !== 'string' || value.length < MIN_LEDGER_LENGTH || processSecrets.has(value)) return;
  processSecrets.add(value);
  processSecretsSorted = [...processSecrets].sort((a, b) => b.length - a.length);
}

export function redactText(text: string, ledger?: SecretLedger): string {
  let out = text;
  // `includes` first: splitting copies the whole text even when the secret is absent (4 MB a body, issue 14).
  for (const secret of ledger?.values() ?? []) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  for (const secret of processSecretsSorted) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  if (!MAY_MATCH_A_PATTERN.test(out)) return out;
  return out
    .replace(JSON_FIELD, (_m, key: string) => `"${key}":"${REDACTED}"`)
    .replace(FORM_FIELD, (_m, key: string) => `${key}=${REDACTED}`)
    .replace(BEARER, (_m, scheme: string) => `${scheme} ${REDACTED}`)
    .replace(JWT, REDACTED)
    .replace(URL_USER_INFO, redactUserInfo);
}

/** The URL with the password of its user-info (or a user-info without one) replaced: a target's printable name. */
export function redactUrlUserInfo(url: string): string {
  return url.replace(URL_USER_INFO, redactUserInfo);
}

function redactUserInfo(_match: string, scheme: string, user: string, password: string | undefined): string {
  return password === undefined ? `${scheme}${REDACTED}@` : `${scheme}${user}:${REDACTED}@`;
}

/** Deep copy of a JSON-like value with secret-keyed values and secret-looking strings replaced. */
export function redactValue(value: unknown, ledger?: SecretLedger, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value, ledger);
  if (typeof value !== 'object' || value === null || depth > 64) return value;
  if (Array.isArray(value)) return value.map((item) => redactValue(item, ledger, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    out[key] =
      SECRET_KEY_SET.has(key.toLowerCase()) && inner !== null ? REDACTED : redactValue(inner, ledger, depth + 1);
  }
  return out;
}

export function redactHeaders(
  headers: Readonly<Record<string, string>>,
  ledger?: SecretLedger,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!SECRET_HEADERS.has(name.toLowerCase())) out[name] = redactText(value, ledger);
    else out[name] = /^bearer\s/i.test(value) ? `Bearer ${REDACTED}` : REDACTED;
  }
  return out;
}

export function redactUrl(url: string, ledger?: SecretLedger): string {
  return redactText(url, ledger).replace(/([?&](?:token|code|secret)=)[^&#]*/gi, `$1${REDACTED}`);
}

export function redactExchange(exchange: RecordedExchange, ledger?: SecretLedger): RecordedExchange {
  const { request, response } = exchange;
  return {
    request: {
      method: request.method,
      url: redactUrl(request.url, ledger),
      headers: redactHeaders(request.headers, ledger),
      ...(request.body !== undefined ? { body: redactValue(request.body, ledger) } : {}),
    },
    ...(response
      ? {
          response: {
            status: response.status,
            headers: redactHeaders(response.headers, ledger),
            ...(response.body !== undefined ? { body: redactValue(response.body, ledger) } : {}),
          },
        }
      : {}),
    ...(exchange.error !== undefined ? { error: redactText(exchange.error, ledger) } : {}),
    durationMs: exchange.durationMs,
  };
}
