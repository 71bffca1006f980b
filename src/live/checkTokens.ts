/**
 * `c.tokens` in live mode: the real tokens of the credentials where they are what the check asked for, and a skip
 * with the reason where the live tenant cannot mint it (another app or tenant, another client, a permission set the
 * credentials' roles do not give, a broken token that needs the live issuer's signing key). Tokens that need no key
 * are made from the real one: `malformed`, `alg-none` (its claims, unsigned) and `forged-signature` (its header and
 * claims with the signature bytes inverted).
 */
import { MALFORMED_TOKEN } from '../issuer/brokenTokens.js';
import { loadOpenApi, operationsOf } from '../spec/openapi.js';
import { CheckSkipped } from '../suite/signals.js';
import type { AppFixture, CheckTokens, SuiteRunConfig, TokenOptions } from '../suite/types.js';
import { CREDENTIAL_VARIABLES } from './credentials.js';
import { grantDifference, type OperationPermissions } from './grants.js';
import { decodeJwtClaims, permissionsOfClaims } from './jwt.js';
import { liveApp, liveClientToken, liveTokensFor, type LiveTokens } from './workerTokens.js';

const operationLists = new Map<string, OperationPermissions[]>();

function permissionLists(packageRoot: string): OperationPermissions[] {
  let lists = operationLists.get(packageRoot);
  if (!lists) {
    lists = operationsOf(loadOpenApi(packageRoot)).map((op) => ({
      operation: `${op.method} ${op.path}`,
      permissions: op.permissions,
    }));
    operationLists.set(packageRoot, lists);
  }
  return lists;
}

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

  async function client(options: TokenOptions): Promise<string> {
    const own = await sameApp(options.app, 'a client token');
    if (options.clientId !== undefined && options.clientId !== own.clientId) {
      skip(
        `the live tenant cannot mint a token for client ${options.clientId}; the credentials are of client ${own.clientId}`,
      );
    }
    const token = await liveClientToken(tokens());
    const held = permissionsOfClaims(token.claims);
    const requested = (options.permissions ?? []).map((p) => p.replaceAll('[appId]', own.appId));
    const differs = grantDifference(requested, held, permissionLists(config.packageRoot), own.appId);
    if (differs.length > 0) {
      skip(
        `the live tenant cannot mint a client token with permissions [${requested.join(', ')}]; the credentials' token ` +
          `holds [${held.join(', ')}], which grants differently on ${differs.join(', ')}`,
      );
    }
    return token.accessToken;
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
      const [header = '', payload = '', signature = ''] = (await client(options)).split('.');
      if (kind === 'alg-none') return `${Buffer.from('{"alg":"none"}').toString('base64url')}.${payload}.`;
      const inverted = Buffer.from(Buffer.from(signature, 'base64url').map((byte) => byte ^ 0xff)).toString(
        'base64url',
      );
      return `${header}.${payload}.${inverted}`;
    },
  };
}
