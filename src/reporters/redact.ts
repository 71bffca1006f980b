/**
 * Defence in depth for every string a reporter writes. Records reach the reporters already redacted by the
 * engine (src/http/redact.ts); this second, independent pass runs on each value before it is formatted and
 * once more on each finished file, so a secret that slipped past the first layer (a token quoted in a
 * message, a `client_secret` in a body stored as text) still never reaches a report.
 */
import { SECRET_HEADERS as SECRET_HEADER_NAMES, SECRET_KEYS } from '../model/secrets.js';

export const REDACTED = '[REDACTED]';

const SECRET_KEY_SET = new Set(SECRET_KEYS.map((key) => key.toLowerCase()));
const SECRET_HEADERS = new Set<string>(SECRET_HEADER_NAMES);
const KEYS = SECRET_KEYS.join('|');

/** Three base64url segments, the first one a JSON object (`{"` → `eyJ`); `alg: none` tokens end in `.`. */
const JWT = /eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*/g;
/**
 * The credential after `Bearer`. It stops at markup and escape characters so the final pass over a finished
 * HTML or XML file can never eat a tag; an already redacted value is left alone.
 */
// An RFC 6750 b64token of 8 or more characters, so prose ("no bearer token: send Bearer <JWT>") stays readable.
const BEARER = /\b(Bearer)\s+(?!\[REDACTED\])[A-Za-z0-9\-._~+/]{8,}=*/gi;
/** `Basic base64(id:secret)`; only replaced when it decodes to something with a colon, so prose ("Basic auth") stays. */
const BASIC = /\b(Basic)\s+([A-Za-z0-9+/]{4,}={0,2})(?![A-Za-z0-9+/=])/g;
/** `"client_secret": "..."` in JSON text, escaped quotes inside the value included. */
const JSON_FIELD = new RegExp(`"(${KEYS})"(\\s*:\\s*)"(?:[^"\\\\]|\\\\.)*"`, 'gi');
/** The same inside a JSON string that was itself serialised (`\"client_secret\":\"...\"`). */
const ESCAPED_JSON_FIELD = new RegExp(`\\\\"(${KEYS})\\\\"\\s*:\\s*\\\\"(?:[^"\\\\]|\\\\[^"])*\\\\"`, 'gi');
/**
 * The user-info of a URL (`http://user:password@host`, a `--target` with credentials): the password becomes
 * `[REDACTED]` and the user name stays; a user-info without a colon (often a token) is redacted whole.
 */
const URL_USER_INFO = /\b([a-z][a-z0-9+.-]*:\/\/)([^\s/?#@:"<>]*)(:(?:\\"|[^\s/?#@"<>])*)?@/gi;
/** Form bodies, query strings and curl `--data` lines. */
const FORM_FIELD = new RegExp(`\\b(${KEYS})=[^&\\s"'<>]*`, 'gi');

/**
 * The text with every JWT, bearer/basic credential, URL password and secret-keyed value replaced by `[REDACTED]`.
 */
export function redactText(text: string): string {
  return text
    .replace(JSON_FIELD, (_m, key: string, separator: string) => `"${key}"${separator}"${REDACTED}"`)
    .replace(ESCAPED_JSON_FIELD, (_m, key: string) => `\\"${key}\\":\\"${REDACTED}\\"`)
    .replace(FORM_FIELD, (_m, key: string) => `${key}=${REDACTED}`)
    .replace(BEARER, (_m, scheme: string) => `${scheme} ${REDACTED}`)
    .replace(BASIC, (match, scheme: string, credential: string) =>
      Buffer.from(credential, 'base64').toString('latin1').includes(':') ? `${scheme} ${REDACTED}` : match,
    )
    .replace(JWT, REDACTED)
    .replace(URL_USER_INFO, (_m, scheme: string, user: string, password: string | undefined) =>
      password === undefined ? `${scheme}${REDACTED}@` : `${scheme}${user}:${REDACTED}@`,
    );
}

/**
 * A deep copy of a JSON-like value with `redactText` applied to every string, and the whole value of every
 * secret-named key or secret header (`client_secret`, `authorization`, ...) replaced.
 */
export function redactValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value);
  if (typeof value !== 'object' || value === null || depth > 64) return value;
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    out[key] = isSecretKey(key) && inner !== null ? redactSecretField(key, inner) : redactValue(inner, depth + 1);
  }
  return out;
}

function isSecretKey(key: string): boolean {
  const lower = key.toLowerCase();
  return SECRET_KEY_SET.has(lower) || SECRET_HEADERS.has(lower);
}

/** Keeps the scheme of an Authorization header readable (`Bearer [REDACTED]`): it says which kind of token was sent. */
function redactSecretField(key: string, value: unknown): string {
  if (key.toLowerCase().endsWith('authorization') && typeof value === 'string') {
    const scheme = /^\s*(Bearer|Basic)\s/i.exec(value);
    if (scheme) return `${scheme[1]} ${REDACTED}`;
  }
  return REDACTED;
}
