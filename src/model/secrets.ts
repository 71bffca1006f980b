/**
 * The names that mark a value as secret, for both redaction layers: the engine's (src/http/redact.ts) and the
 * reporters' independent second pass (src/reporters/redact.ts). One list, so the two can never drift apart.
 * Matched case-insensitively.
 */
export const SECRET_KEYS = [
  'client_secret',
  'clientSecret',
  'access_token',
  'refresh_token',
  'id_token',
  'password',
  'client_assertion',
] as const;

/** Header names (lower case) whose whole value is secret. */
export const SECRET_HEADERS = ['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'x-api-key'] as const;
