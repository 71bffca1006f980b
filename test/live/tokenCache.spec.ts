import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient, redactText } from '../../src/http/index.js';
import { createTokenCache, REFRESH_MARGIN_MS, TokenEndpointError } from '../../src/live/tokenCache.js';
import { ADMIN_ENV, ADMIN_TOKEN, CLIENT_TOKEN, ENV, replay, SANDBOX } from './support/sandboxReplay.js';

const TOKEN_URL = `${SANDBOX}/oidc/token`;
const credentials = {
  client: { clientId: ENV.CIS_CLIENT_ID, clientSecret: ENV.CIS_CLIENT_SECRET },
  admin: { clientId: ADMIN_ENV.CIS_ADMIN_CLIENT_ID, clientSecret: ADMIN_ENV.CIS_ADMIN_CLIENT_SECRET },
};
const client = createHttpClient({ timeoutMs: 2000, dispatcher: 'global' });

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => {
  nock.enableNetConnect();
  nock.restore();
});

describe('the live token cache', () => {
  it('posts form-encoded client credentials to /oidc/token and reads the token and its claims', async () => {
    let form: Record<string, string> = {};
    nock(SANDBOX)
      .matchHeader('content-type', 'application/x-www-form-urlencoded')
      .post('/oidc/token', (body: string | Record<string, string>) => {
        form = typeof body === 'string' ? Object.fromEntries(new URLSearchParams(body)) : body;
        return true;
      })
      .reply(200, { access_token: CLIENT_TOKEN, token_type: 'Bearer', expires_in: 3600 });
    const token = await createTokenCache({ tokenUrl: TOKEN_URL, credentials, send: client.send }).client();
    expect(form).toEqual({
      grant_type: 'client_credentials',
      client_id: ENV.CIS_CLIENT_ID,
      client_secret: ENV.CIS_CLIENT_SECRET,
    });
    expect(token.accessToken).toBe(CLIENT_TOKEN);
    expect(token.claims).toMatchObject({ app_id: 'sbxApp4Kp9Zt', tid: 'sbxTenant7Qm2', sub: 'sbxClient8Rw3' });
  });

  it('registers a fetched token as a secret of the process, even an opaque one', async () => {
    nock(SANDBOX).post('/oidc/token').reply(200, { access_token: 'opaque-token-Vb81kLs0', token_type: 'Bearer' });
    await createTokenCache({ tokenUrl: TOKEN_URL, credentials, send: client.send }).client();
    expect(redactText('sent opaque-token-Vb81kLs0 along')).toBe('sent [REDACTED] along');
  });

  it('caches until 60 s before expires_in runs out, then fetches anew; callers meanwhile share one fetch', async () => {
    let now = 1_000_000;
    replay('token-client', { times: 2 });
    const cache = createTokenCache({ tokenUrl: TOKEN_URL, credentials, send: client.send, now: () => now });
    await Promise.all([cache.client(), cache.client(), cache.client()]);
    expect(cache.fetches).toBe(1);
    now += 3600_000 - REFRESH_MARGIN_MS - 1;
    await cache.client();
    expect(cache.fetches).toBe(1);
    now += 1;
    await cache.client();
    expect(cache.fetches).toBe(2);
    expect(nock.isDone()).toBe(true);
  });

  it('fetches admin tokens with the management app credentials, and none without them', async () => {
    replay('token-admin', {
      credentials: { id: ADMIN_ENV.CIS_ADMIN_CLIENT_ID, secret: ADMIN_ENV.CIS_ADMIN_CLIENT_SECRET },
    });
    expect((await createTokenCache({ tokenUrl: TOKEN_URL, credentials, send: client.send }).admin())?.accessToken).toBe(
      ADMIN_TOKEN,
    );
    const noAdmin = createTokenCache({
      tokenUrl: TOKEN_URL,
      credentials: { client: credentials.client },
      send: client.send,
    });
    expect(await noAdmin.admin()).toBeUndefined();
  });

  it('turns a refusal into an error naming status and OAuth error, never the secret, and does not cache it', async () => {
    replay('token-invalid-client');
    replay('token-client');
    const cache = createTokenCache({ tokenUrl: TOKEN_URL, credentials, send: client.send });
    const refused = await cache.client().catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(TokenEndpointError);
    expect((refused as Error).message).toBe(
      `the token endpoint ${TOKEN_URL} answered 401 for client sbxClient8Rw3 (invalid_client: client authentication failed)`,
    );
    expect((refused as Error).message).not.toContain(ENV.CIS_CLIENT_SECRET);
    expect((await cache.client()).accessToken).toBe(CLIENT_TOKEN);
  });
});
