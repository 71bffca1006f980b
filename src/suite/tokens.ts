import { expandPermissions, type ClientTokenSpec, type Minter } from '../issuer/minter.js';
import { createLiveCheckTokens } from '../live/checkTokens.js';
import type { AppFixture, CheckTokens, SuiteRunConfig, TokenOptions } from './types.js';

/**
 * Tokens for a check: minted locally with the committed key (docs/design.md §2.2), or in live
 * mode the live tenant's real tokens where they are what the check asked for (src/live/checkTokens.ts).
 */
export function createCheckTokens(config: SuiteRunConfig, minter: Minter | null): CheckTokens {
  if (config.tokens.kind === 'sandbox') return createLiveCheckTokens(config);
  const local = (): Minter => {
    if (!minter) throw new Error('no token minter was loaded for a local-token run');
    return minter;
  };
  return {
    client: async (options) => local().client(clientSpec(options)),
    admin: async ({ app, permissions }) =>
      local().admin({ ...managementClient(app), permissions: expandPermissions(permissions ?? [], app.appId) }),
    user: async ({ app, userId, clientId }) =>
      local().user({
        tenantId: app.tenantId,
        appId: app.appId,
        appName: app.appName,
        clientId: clientId ?? app.clientId,
        userId,
      }),
    broken: async (kind, options) => local().broken(kind, clientSpec(options)),
    mutated: async (mutation, options) =>
      local().mutated(
        mutation,
        options.userId === undefined
          ? { type: 'client', spec: clientSpec(options) }
          : { type: 'user', spec: { ...clientSpec(options), userId: options.userId } },
      ),
  };
}

function clientSpec(options: TokenOptions): ClientTokenSpec {
  const { app } = options;
  return {
    tenantId: app.tenantId,
    appId: app.appId,
    appName: app.appName,
    clientId: options.clientId ?? app.clientId,
    permissions: expandPermissions(options.permissions ?? [], app.appId),
  };
}

/**
 * An admin token belongs to a management app of the same tenant (docs/design.md §2.2). Its ids derive from the tenant so
 * every admin token of one tenant names the same management app; the target never needs it set up.
 */
function managementClient(app: AppFixture): Omit<ClientTokenSpec, 'permissions'> {
  return {
    tenantId: app.tenantId,
    appId: `management-${app.tenantId}`,
    appName: 'Management',
    clientId: `management-client-${app.tenantId}`,
  };
}
