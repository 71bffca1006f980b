import { describe, expect, it } from 'vitest';
import { REDACTED, redactText, redactValue } from '../../src/reporters/redact.js';
import { PLANTED_SECRETS } from './fixtures.js';

const { jwt, clientSecret, opaqueToken, basicCredential } = PLANTED_SECRETS;

describe('redactText', () => {
  it.each([
    ['a bare JWT', `token ${jwt} here`, `token ${REDACTED} here`],
    ['an alg:none JWT (empty signature)', 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0. rest', `${REDACTED} rest`],
    ['a bearer header', `Authorization: Bearer ${opaqueToken}`, `Authorization: Bearer ${REDACTED}`],
    ['a lower-case bearer', `bearer ${opaqueToken}`, `bearer ${REDACTED}`],
    [
      'a JSON client_secret',
      `{"client_secret": "${clientSecret}", "name": "a"}`,
      `{"client_secret": "${REDACTED}", "name": "a"}`,
    ],
    ['a JSON value with escaped quotes', `{"client_secret":"a\\"b${clientSecret}"}`, `{"client_secret":"${REDACTED}"}`],
    [
      'a serialised JSON string',
      `{\\"client_secret\\":\\"${clientSecret}\\"}`,
      `{\\"client_secret\\":\\"${REDACTED}\\"}`,
    ],
    [
      'a form body',
      `grant_type=client_credentials&client_secret=${clientSecret}&x=1`,
      `grant_type=client_credentials&client_secret=${REDACTED}&x=1`,
    ],
    ['an access_token field', `{"access_token":"${opaqueToken}"}`, `{"access_token":"${REDACTED}"}`],
    ['basic credentials (id:secret)', `Authorization: Basic ${basicCredential}`, `Authorization: Basic ${REDACTED}`],
  ])('replaces %s', (_name, input, expected) => {
    expect(redactText(input)).toBe(expected);
  });

  it.each([
    'observed 403, expected 401: the token was rejected',
    'Basic authentication is not supported',
    'body/result/client_secret: must be string',
    'token_type must be "Bearer"',
    `already ${REDACTED} and Bearer ${REDACTED}`,
  ])('leaves ordinary text alone: %j', (text) => {
    expect(redactText(text)).toBe(text);
  });

  it('never eats markup after a bearer token (it also runs over finished HTML and XML)', () => {
    expect(redactText(`<td>Bearer ${opaqueToken}</td>`)).toBe(`<td>Bearer ${REDACTED}</td>`);
  });

  it('is idempotent', () => {
    const once = redactText(`Bearer ${jwt} {"client_secret":"${clientSecret}"}`);
    expect(redactText(once)).toBe(once);
  });
});

describe('redactValue', () => {
  it('replaces secret-named keys and secret headers whole, and redacts every other string', () => {
    const value = {
      headers: { Authorization: `Bearer ${opaqueToken}`, cookie: 'sid=abc', 'x-api-key': 'k-123456789' },
      body: { result: [{ client_id: 'c-1', client_secret: clientSecret, note: `see ${jwt}` }] },
      count: 3,
      empty: null,
    };
    expect(redactValue(value)).toEqual({
      headers: { Authorization: `Bearer ${REDACTED}`, cookie: REDACTED, 'x-api-key': REDACTED },
      body: { result: [{ client_id: 'c-1', client_secret: REDACTED, note: `see ${REDACTED}` }] },
      count: 3,
      empty: null,
    });
  });

  it('does not change its input', () => {
    const value = { client_secret: clientSecret };
    redactValue(value);
    expect(value.client_secret).toBe(clientSecret);
  });
});

describe('redactText and prose', () => {
  it('leaves the word after "bearer" alone when it cannot be a credential', () => {
    const prose = 'no bearer token: send Authorization: Bearer <JWT>';
    expect(redactText(prose)).toBe(prose);
    expect(redactText('Bearer abcdefgh12345678')).toBe(`Bearer ${REDACTED}`);
  });
});

describe('redactText: URL user-info', () => {
  it.each([
    ['a password', 'target http://alice:pw-1@127.0.0.1:8080 ·', `target http://alice:${REDACTED}@127.0.0.1:8080 ·`],
    ['in a shell word', "--target 'http://a:p'\\''q@h:1'", `--target 'http://a:${REDACTED}@h:1'`],
    ['in JSON', '{"target":"https://u:s3cret@h/cis"}', `{"target":"https://u:${REDACTED}@h/cis"}`],
    ['a quote in serialised JSON', '"{\\"t\\":\\"http://u:a\\"b@h\\"}"', `"{\\"t\\":\\"http://u:${REDACTED}@h\\"}"`],
    ['HTML-escaped', '<td>http://u:a&amp;b@h</td>', `<td>http://u:${REDACTED}@h</td>`],
    ['a lone user-info', 'https://token123@h/x', `https://${REDACTED}@h/x`],
    ['an e-mail address (no URL)', 'bob@example.com', 'bob@example.com'],
    ['an @ in a path', 'https://h/a@b', 'https://h/a@b'],
    ['already redacted', `http://u:${REDACTED}@h`, `http://u:${REDACTED}@h`],
  ])('%s', (_what, text, expected) => {
    expect(redactText(text)).toBe(expected);
  });
});
