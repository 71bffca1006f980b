import { describe, expect, it } from 'vitest';
import {
  REDACTED,
  SecretLedger,
  redactExchange,
  redactText,
  redactUrl,
  redactUrlUserInfo,
  redactValue,
} from '../../src/http/index.js';
import { targetLabelOf } from '../../src/targets/index.js';

const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJjbGllbnQtMSJ9.c2lnbmF0dXJlLWJ5dGVz';

describe('redaction', () => {
  it('replaces JWTs, bearer tokens, form secrets and JSON secret fields in text', () => {
    const text = `got ${JWT}; header Bearer opaque-token-1; form client_id=a&client_secret=s3cr3t-value&x=1; json {"access_token": "abc\\"def"}`;
    const out = redactText(text);
    for (const secret of [JWT, 'opaque-token-1', 's3cr3t-value', 'abc\\"def']) expect(out).not.toContain(secret);
    expect(out).toContain('client_id=a');
    expect(out).toContain(`client_secret=${REDACTED}`);
  });

  it('replaces secret-keyed values at any depth but keeps look-alike config fields', () => {
    const body = {
      result: [{ client_secret: 'abc', token_expiration: { access_token: 60 }, token_endpoint_auth_method: 'x' }],
    };
    expect(redactValue(body)).toEqual({
      result: [
        { client_secret: REDACTED, token_expiration: { access_token: REDACTED }, token_endpoint_auth_method: 'x' },
      ],
    });
  });

  it('scrubs values the ledger learnt wherever they appear, and ignores short ones', () => {
    const ledger = new SecretLedger();
    ledger.addFromJson({ result: { client_secret: 'plain-secret-without-shape', name: 'web' } });
    ledger.add('web');
    expect(redactText('observed plain-secret-without-shape in web', ledger)).toBe(`observed ${REDACTED} in web`);
  });

  it('redacts token query parameters in URLs', () => {
    expect(redactUrl('http://h/cb?code=abc&state=1&access_token=zzz')).toBe(
      `http://h/cb?code=${REDACTED}&state=1&access_token=${REDACTED}`,
    );
  });

  it('redacts an exchange: auth header, request form, response body, error text', () => {
    const out = redactExchange({
      request: {
        method: 'POST',
        url: 'http://h/oidc/token',
        headers: { authorization: `Bearer ${JWT}`, 'content-type': 'application/x-www-form-urlencoded' },
        body: 'grant_type=client_credentials&client_secret=topsecret1',
      },
      response: { status: 200, headers: { 'set-cookie': 'sid=1' }, body: { access_token: JWT, token_type: 'Bearer' } },
      error: `failed with ${JWT}`,
      durationMs: 3,
    });
    const text = JSON.stringify(out);
    expect(text).not.toContain(JWT);
    expect(text).not.toContain('topsecret1');
    expect(out.request.headers['authorization']).toBe(`Bearer ${REDACTED}`);
    expect(out.response?.headers['set-cookie']).toBe(REDACTED);
    expect(out.response?.body).toEqual({ access_token: REDACTED, token_type: 'Bearer' });
  });
});

describe('process secrets (the live credentials)', () => {
  it('are redacted from every text and value of the process once registered; short values are not', async () => {
    const { registerProcessSecret } = await import('../../src/http/index.js');
    const secret = 'live-client-secret-Qw3rty';
    expect(redactText(`form client_sec=${secret}`)).toContain(secret);
    registerProcessSecret(secret);
    registerProcessSecret('short');
    expect(redactText(`form client_sec=${secret}`)).toBe(`form client_sec=${REDACTED}`);
    expect(redactValue({ note: `x ${secret} y`, id: 'short' })).toEqual({ note: `x ${REDACTED} y`, id: 'short' });
  });
});

describe('bearer credentials in prose', () => {
  it('redacts a token-shaped credential and keeps prose readable', () => {
    const ledger = new SecretLedger();
    expect(redactText('no bearer token: send Authorization: Bearer <JWT>', ledger)).toBe(
      'no bearer token: send Authorization: Bearer <JWT>',
    );
    expect(redactText('header Bearer opaque-token-1 sent', ledger)).toBe(`header Bearer ${REDACTED} sent`);
  });

  it('redacts the password of a URL user-info, keeping the user; a lone user-info (a token) whole', () => {
    expect(redactUrl('http://alice:pw-1@127.0.0.1:8080/v1/clients?x=1')).toBe(
      `http://alice:${REDACTED}@127.0.0.1:8080/v1/clients?x=1`,
    );
    expect(redactText("curl 'https://tok3n@h.example/cis/v1' and mail bob@example.com")).toBe(
      `curl 'https://${REDACTED}@h.example/cis/v1' and mail bob@example.com`,
    );
    expect(redactText('https://h/path@at and http://u:[REDACTED]@h')).toBe(
      'https://h/path@at and http://u:[REDACTED]@h',
    );
    expect(redactUrlUserInfo('http://u:p%40ss@h:1')).toBe(`http://u:${REDACTED}@h:1`);
    const exchange = redactExchange({
      request: { method: 'GET', url: 'http://u:pw@h/v1/clients', headers: {} },
      error: 'GET http://u:pw@h/v1/clients: refused',
      durationMs: 1,
    });
    expect(JSON.stringify(exchange)).not.toContain(':pw@');
  });

  it('names a URL target without its password', () => {
    expect(targetLabelOf({ kind: 'url', url: 'http://alice:pw@127.0.0.1:1' })).toBe(
      `http://alice:${REDACTED}@127.0.0.1:1`,
    );
  });
});
