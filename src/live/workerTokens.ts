/**
 * The live token cache of one process (a vitest worker, or the CLI). Each worker fetches its own tokens — one per
 * kind and hour — because tokens must not be written to disk to share them, and the run configuration that crosses
 * the process boundary carries no secret; the credentials are read from the environment each worker inherits.
 */
import { createPolicyClient } from '../http/index.js';
import { CheckCouldNotRun } from '../model/checkSignals.js';
import type { AppFixture } from '../model/fixtures.js';
import type { SuiteRunConfig } from '../model/runConfig.js';
import { MissingCredentialsError, readLiveCredentials, type Environment, type LiveCredentials } from './credentials.js';
import { appOfClaims } from './jwt.js';
import { createTokenCache, TokenEndpointError, type TokenCache } from './tokenCache.js';

export interface LiveTokens {
  readonly credentials: LiveCredentials;
  readonly cache: TokenCache;
}

const perProcess = new Map<string, LiveTokens>();

/** The process's live tokens for a sandbox-token run; without credentials the check could not run. */
export function liveTokensFor(config: SuiteRunConfig, env: Environment = process.env): LiveTokens {
  if (config.tokens.kind !== 'sandbox') throw new Error('live tokens asked for in a run with local tokens');
  const key = `${config.runId}|${config.tokens.tokenUrl}`;
  let tokens = perProcess.get(key);
  if (!tokens) {
    let credentials: LiveCredentials;
    try {
      credentials = readLiveCredentials(env);
    } catch (error) {
      if (error instanceof MissingCredentialsError) throw new CheckCouldNotRun(error.message);
      throw error;
    }
    // The global dispatcher: no private pool to close, since the cache lives as long as the process.
    const client = createPolicyClient({ ...config.transport, dispatcher: 'global' }, config.requestTimeoutMs);
    tokens = {
      credentials,
      cache: createTokenCache({ tokenUrl: config.tokens.tokenUrl, credentials, send: client.send }),
    };
    perProcess.set(key, tokens);
  }
  return tokens;
}

/** The app of the credentials, from its client token's claims (docs/facts.md §4.3). */
export async function liveApp(tokens: LiveTokens): Promise<AppFixture> {
  const app = appOfClaims((await liveClientToken(tokens)).claims);
  if (typeof app === 'string') throw new CheckCouldNotRun(app);
  return app;
}

/** The credentials' client token; a refusing token endpoint means the check could not run. */
export async function liveClientToken(tokens: LiveTokens): ReturnType<TokenCache['client']> {
  try {
    return await tokens.cache.client();
  } catch (error) {
    if (error instanceof TokenEndpointError) throw new CheckCouldNotRun(error.message);
    throw error;
  }
}
