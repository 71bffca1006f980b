/**
 * `c.tokens` in live mode: the real tokens of the credentials where they are what the check asked for, and a skip
 * with the reason where the live tenant cannot mint it (another app or tenant, another client or user, a broken
 * token that needs the live issuer's signing key). A client token with other permissions than the live one is a
 * live credential, decided per request by the auth wrapper (liveAuth.ts). Broken tokens that need no key are made
 * from the live one: `malformed`, `alg-none` (its claims, unsigned) and `forged-signature` (its header and claims,
 * the signature bytes inverted); made for other permissions, they too go out only where that makes no difference.
 */
import { MALFORMED_TOKEN } from '../issuer/brokenTokens.js';
import { CheckSkipped } from '../model/checkSignals.js';
import type { CheckCredential } from '../model/checkCredential.js';
import type { CheckTokens, TokenOptions } from '../model/checkTokens.js';
import type { AppFixture } from '../model/fixtures.js';
import type { SuiteRunConfig } from '../model/runConfig.js';
import { CREDENTIAL_VARIABLES } from './credentials.js';
import { grantDifference, OPERATION_PERMISSIONS } from './grants.js';
import { decodeJwtClaims, permissionsOfClaims } from './jwt.js';
import { liveApp, liveClientToken, liveTokensFor, type LiveTokens } from './workerTokens.js';

let brokenCount = 0;

const skip = (reason: string): never => {
  throw new CheckSkipped(`live mode: ${reason}`);
};

export function createLiveCheckTokens(config: SuiteRunConfig, given?: LiveTokens): CheckTokens {
  const tokens = (): LiveTokens => given ?? liveTokensFor(config);

  async function sameApp(app: AppFixture, what: string): Promise<AppFixture> {
    const own = await liveApp(tokens());
    if (app.tenantId !== own.tenantId || app.appId !== own.appId) {
      skip(
        `the live tenant cannot mint ${what} for app ${app.appId} of tenant ${app.tenantId}; the credentials are of app ${own.appId}`,
      );
    }
    return own;
  }

  async function client(options: TokenOptions): Promise<CheckCredential> {
    const own = await sameApp(options.app, 'a client token');
    if (options.clientId !== undefined && options.clientId !== own.clientId) {
      skip(
        `the live tenant cannot mint a token for client ${options.clientId}; the credentials are of client ${own.clientId}`,
      );
    }
    const token = await liveClientToken(tokens());
    const held = permissionsOfClaims(token.claims);
    const requested = (options.permissions ?? []).map((p) => p.replaceAll('[appId]', own.appId));
    // Granted the same operations: the live token is as good. Otherwise a live credential, decided per request.
    const differs = grantDifference(requested, held, OPERATION_PERMISSIONS, own.appId);
    if (differs.length === 0) return token.accessToken;
    return { kind: 'live-client', appId: own.appId, permissions: requested, held, token: token.accessToken };
  }

  return {
    client,
    async admin({ app }) {
      const token = await tokens().cache.admin();
      if (!token) {
        return skip(
          `no management-app credentials; set ${CREDENTIAL_VARIABLES.adminClientId} and ${CREDENTIAL_VARIABLES.adminClientSecret} for admin tokens`,
        );
      }
      if (token.claims['tid'] !== app.tenantId) {
        skip(`the management app's token is of tenant ${String(token.claims['tid'])}, not of tenant ${app.tenantId}`);
      }
      return token.accessToken;
    },
    async user({ app, userId, clientId, anyUser }) {
      const token = tokens().credentials.userToken;
      if (!token) return skip(`no user token; set ${CREDENTIAL_VARIABLES.userToken} to a user access token of the app`);
      const claims = decodeJwtClaims(token) ?? {};
      if (claims['app_id'] !== app.appId)
        skip(`${CREDENTIAL_VARIABLES.userToken} is of app ${String(claims['app_id'])}, not of app ${app.appId}`);
      if (clientId !== undefined && claims['client_id'] !== clientId) {
        skip(
          `${CREDENTIAL_VARIABLES.userToken} was issued to client ${String(claims['client_id'])}, not to ${clientId}`,
        );
      }
      if (!anyUser && claims['sub'] !== userId) {
        skip(
          `the live tenant cannot mint a user token for user ${userId}; ${CREDENTIAL_VARIABLES.userToken} is another user's`,
        );
      }
      if (typeof claims['exp'] === 'number' && claims['exp'] * 1000 <= Date.now())
        skip(`${CREDENTIAL_VARIABLES.userToken} has expired`);
      return token;
    },
    async broken(kind, options) {
      if (kind === 'malformed') return MALFORMED_TOKEN;
      if (kind !== 'alg-none' && kind !== 'forged-signature') {
        return skip(`a '${kind}' token must carry a valid signature of the live issuer, whose key only Transmit holds`);
      }
      const asked = await client(options);
      const live = await liveClientToken(tokens());
      // A fresh jti: a target that refuses a replayed jti would refuse the live one's for that, not for the defect.
      const claims = { ...live.claims, jti: `${String(live.claims['jti'] ?? 'live')}-${kind}-${++brokenCount}` };
      const [header = '', , signature = ''] = live.accessToken.split('.');
      const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
      const broken =
        kind === 'alg-none'
          ? `${Buffer.from('{"alg":"none"}').toString('base64url')}.${payload}.`
          : `${header}.${payload}.${Buffer.from(Buffer.from(signature, 'base64url').map((byte) => byte ^ 0xff)).toString('base64url')}`;
      // Asked for other grants than the live token's: sent only where the difference does not matter.
      return typeof asked === 'string' ? broken : { ...asked, token: broken };
    },
    async mutated(mutation) {
      return skip(
        `a token mutated by ${mutation.kind} is minted with the harness's keys, which the live issuer does not trust`,
      );
    },
  };
}
