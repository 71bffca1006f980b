import { describe, expect, it } from 'vitest';
import { MALFORMED_TOKEN } from '../../src/issuer/brokenTokens.js';
import { createLiveCheckTokens } from '../../src/live/checkTokens.js';
import { decodeJwtClaims } from '../../src/live/jwt.js';
import type { LiveTokens } from '../../src/live/workerTokens.js';
import type { CheckCredential } from '../../src/model/checkCredential.js';
import { CheckSkipped } from '../../src/model/checkSignals.js';
import type { SuiteRunConfig } from '../../src/model/runConfig.js';
import { ADMIN_TOKEN, CLIENT_TOKEN, packageRoot, SANDBOX_APP, USER_TOKEN } from './support/sandboxReplay.js';

const HELD = ['apps:read', 'apps:create', 'apps:edit', 'apps:delete', 'consents:read', 'consents:delete'];
const config = { packageRoot, tokens: { kind: 'sandbox', tokenUrl: 'https://x/oidc/token' } } as SuiteRunConfig;
const live = (token: string | undefined, extra: Partial<LiveTokens['credentials']> = {}): LiveTokens => {
  const asLive = (t: string) => ({ accessToken: t, claims: decodeJwtClaims(t) ?? {}, expiresAtMs: Infinity });
  return {
    credentials: { client: { clientId: 'c', clientSecret: 's' }, ...extra },
    cache: {
      client: async () => asLive(CLIENT_TOKEN),
      admin: async () => (token ? asLive(token) : undefined),
      fetches: 0,
    },
  };
};
const tokens = createLiveCheckTokens(config, live(ADMIN_TOKEN, { userToken: USER_TOKEN }));
const skipReason = async (promise: Promise<unknown>): Promise<string> => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CheckSkipped);
  return (error as CheckSkipped).reason;
};
/** A token the live tenant can give as it is: a string, not a credential decided per request. */
const plain = async (promise: Promise<CheckCredential>): Promise<string> => {
  const credential = await promise;
  expect(typeof credential).toBe('string');
  return credential as string;
};

describe('live check tokens', () => {
  it('give the real client token for a grant-equivalent permission set, in any spelling', async () => {
    expect(await tokens.client({ app: SANDBOX_APP, permissions: HELD })).toBe(CLIENT_TOKEN);
    const spelled = ['[appId]:read', 'apps:create', 'apps:delete', '[appId]:edit', 'consents:read', 'consents:delete'];
    expect(await tokens.client({ app: SANDBOX_APP, permissions: spelled })).toBe(CLIENT_TOKEN);
  });

  it('hand out a live credential, decided per request, for a permission set granted other operations', async () => {
    const token = await tokens.client({ app: SANDBOX_APP, permissions: ['[appId]:read'] });
    expect(token).not.toBe(CLIENT_TOKEN);
    expect(token).toEqual({
      kind: 'live-client',
      appId: 'sbxApp4Kp9Zt',
      permissions: ['sbxApp4Kp9Zt:read'],
      held: HELD,
      token: CLIENT_TOKEN,
    });
    expect(await tokens.client({ app: SANDBOX_APP })).toMatchObject({ permissions: [], token: CLIENT_TOKEN });
  });

  it('skip, with the reason, apps and clients the live tenant cannot mint', async () => {
    expect(await skipReason(tokens.client({ app: { ...SANDBOX_APP, appId: 'other' }, permissions: HELD }))).toMatch(
      /cannot mint a client token for app other/,
    );
    expect(await skipReason(tokens.client({ app: SANDBOX_APP, permissions: HELD, clientId: 'c2' }))).toMatch(
      /token for client c2; the credentials are of client sbxClient8Rw3/,
    );
  });

  it('give the management app token for the same tenant, and skip without admin credentials', async () => {
    expect(await tokens.admin({ app: SANDBOX_APP })).toBe(ADMIN_TOKEN);
    expect(await skipReason(tokens.admin({ app: { ...SANDBOX_APP, tenantId: 't9' } }))).toMatch(/not of tenant t9/);
    const none = createLiveCheckTokens(config, live(undefined));
    expect(await skipReason(none.admin({ app: SANDBOX_APP }))).toMatch(
      /set CIS_ADMIN_CLIENT_ID and CIS_ADMIN_CLIENT_SECRET/,
    );
    expect(await skipReason(none.user({ app: SANDBOX_APP, userId: 'u' }))).toMatch(/no user token; set CIS_USER_TOKEN/);
  });

  it('give CIS_USER_TOKEN for its own user, or for any user when the check says whose does not matter', async () => {
    expect(await tokens.user({ app: SANDBOX_APP, userId: 'sbxUser3Hq8' })).toBe(USER_TOKEN);
    expect(await skipReason(tokens.user({ app: SANDBOX_APP, userId: 'user-run-1' }))).toMatch(
      /user token for user user-run-1/,
    );
    expect(await tokens.user({ app: SANDBOX_APP, userId: 'user-run-1', anyUser: true })).toBe(USER_TOKEN);
    expect(await skipReason(tokens.user({ app: SANDBOX_APP, userId: 'sbxUser3Hq8', clientId: 'c9' }))).toMatch(
      /not to c9/,
    );
  });

  it('make malformed, alg-none and forged-signature tokens from the real one; skip the ones that need a key', async () => {
    const options = { app: SANDBOX_APP, permissions: HELD };
    expect(await plain(tokens.broken('malformed', options))).toBe(MALFORMED_TOKEN);
    const [header, payload, signature] = CLIENT_TOKEN.split('.');
    const none = (await plain(tokens.broken('alg-none', options))).split('.');
    expect(JSON.parse(Buffer.from(none[0] as string, 'base64url').toString())).toEqual({ alg: 'none' });
    const claimsOf = (segment: string | undefined) =>
      JSON.parse(Buffer.from(segment ?? '', 'base64url').toString()) as object;
    const { jti: _jti, ...live } = claimsOf(payload) as { jti: string };
    expect(claimsOf(none[1])).toEqual({ ...live, jti: expect.stringMatching(/-alg-none-\d+$/) });
    expect(none[2]).toBe('');
    const forged = (await plain(tokens.broken('forged-signature', options))).split('.');
    expect(forged[0]).toBe(header);
    expect(claimsOf(forged[1])).toMatchObject(live);
    expect(forged[2]).not.toBe(signature);
    expect(Buffer.from(forged[2] as string, 'base64url')).toHaveLength(
      Buffer.from(signature as string, 'base64url').length,
    );
    for (const kind of ['expired', 'not-yet-valid', 'wrong-issuer', 'wrong-audience'] as const) {
      expect(await skipReason(tokens.broken(kind, options))).toMatch(/whose key only Transmit holds/);
    }
    // Asked for other grants: it goes out as it is, but only where the grants do not differ (liveAuth.ts).
    const conditional = await tokens.broken('alg-none', { app: SANDBOX_APP, permissions: ['apps:read'] });
    expect(conditional).toMatchObject({ kind: 'live-client', permissions: ['apps:read'], held: HELD });
    const sent = typeof conditional === 'string' ? '' : conditional.token;
    expect(sent).toMatch(/^eyJhbGciOiJub25lIn0\.[^.]+\.$/);
  });
});
