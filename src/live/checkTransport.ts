/**
 * How a check reaches the target: the HTTP client with the run's transport policy (retries, budget, rate), and in
 * live mode the safety wrapper (ownership guard, ledger) whose leftovers are deleted when the check closes it, and
 * the stand-in resolution of tokens the live tenant cannot mint.
 */
import { createPolicyClient, type HttpClient } from '../http/index.js';
import { CheckSkipped } from '../model/checkSignals.js';
import type { SuiteRunConfig } from '../model/runConfig.js';
import { operationPermissions } from './grants.js';
import { permissionsOfClaims } from './jwt.js';
import { withLiveSafety } from './liveSend.js';
import { withStandIns } from './standIns.js';
import { liveApp, liveClientToken, liveTokensFor } from './workerTokens.js';

export function openCheckTransport(config: SuiteRunConfig, checkId: string): HttpClient {
  const client = createPolicyClient(config.transport, config.requestTimeoutMs);
  const live = config.live;
  if (!live || config.tokens.kind !== 'sandbox') return client;
  const tokens = () => liveTokensFor(config);
  // Innermost: a stand-in becomes the live token, or the check is skipped, before the guard and the ledger see it.
  const standIns = withStandIns(client.send, {
    baseUrl: config.baseUrl,
    operations: operationPermissions(config.packageRoot),
    live: async () => {
      const token = await liveClientToken(tokens());
      const app = await liveApp(tokens());
      return { token: token.accessToken, appId: app.appId, permissions: permissionsOfClaims(token.claims) };
    },
    refuse: (reason) => new CheckSkipped(`live mode: ${reason}`),
  });
  const safety = withLiveSafety(standIns, {
    baseUrl: config.baseUrl,
    runId: config.runId,
    checkId,
    ledgerFile: live.ledgerFile,
    allowDestructive: live.allowDestructive,
    appId: async () => (await liveApp(tokens())).appId,
    refuse: (reason) => new CheckSkipped(reason),
  });
  return {
    send: safety.send,
    async close() {
      if (safety.leftovers().length > 0) {
        // Budget-exempt: what the check created is deleted even after the run's budget is spent.
        const cleaner = createPolicyClient(config.transport, config.requestTimeoutMs, { exempt: true });
        // Problems are left to the run's final sweep, which reports what it cannot delete.
        await safety.release(cleaner.send, async () => (await liveClientToken(tokens())).accessToken);
        await cleaner.close();
      }
      await client.close();
    },
  };
}
