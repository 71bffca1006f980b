import { expandPermissions, type ClientTokenSpec, type Minter } from '../issuer/minter.js';
import { CheckSkipped } from './signals.js';
import type { AppFixture, CheckTokens, SuiteRunConfig, TokenOptions } from './types.js';

const SANDBOX_NOT_YET =
  'tokens from the live sandbox token endpoint are not supported yet (sandbox mode is a later issue)';

/** Tokens for a check: minted locally with the committed key (DESIGN.md "The target contract", item 2). */
export function createCheckTokens(config: SuiteRunConfig, minter: Minter | null): CheckTokens {
  const local = (): Minter => {
    if (config.tokens.kind === 'sandbox') throw new CheckSkipped(SANDBOX_NOT_YET);
    if (!minter) throw new Error('no token minter was loaded for a local-token run');
    return minter;
  };
  return {
    client: async (options) => local().client(clientSpec(options)),
    admin: async ({ app }) => local().admin(managementClient(app)),
    user: async ({ app, userId, clientId }) =>
      local().user({
        tenantId: app.tenantId,
        appId: app.appId,
        appName: app.appName,
        clientId: clientId ?? app.clientId,
        userId,
      }),
    broken: async (kind, options) => local().broken(kind, clientSpec(options)),
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
 * An admin token belongs to a management app of the same tenant (DESIGN.md). Its ids derive from the tenant so
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
