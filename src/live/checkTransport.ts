/**
 * How a check reaches the target: the HTTP client with the run's transport policy (retries, budget, rate), and in
 * live mode the safety wrapper (ownership guard, ledger) whose leftovers are deleted when the check closes it, and
 * the auth wrapper that decides where a client token the live tenant cannot mint may be served by the live one.
 */
import { createPolicyClient, type HttpClient } from '../http/index.js';
import { CheckSkipped } from '../model/checkSignals.js';
import type { SuiteRunConfig } from '../model/runConfig.js';
import { withLiveAuth } from './liveAuth.js';
import { withLiveSafety } from './liveSend.js';
import { liveApp, liveClientToken, liveTokensFor } from './workerTokens.js';

export function openCheckTransport(config: SuiteRunConfig, checkId: string): HttpClient {
  // The checks of a worker share one keep-alive Agent unless the run names a dispatcher: a check's own Agent
  // opened new connections for every check (a connect and an accept each, on both sides).
  const transport = { ...config.transport, dispatcher: config.transport?.dispatcher ?? ('shared' as const) };
  const client = createPolicyClient(transport, config.requestTimeoutMs);
  // Innermost: a live credential goes out, or the check is skipped, after the guard and the ledger have seen it.
  const auth = withLiveAuth(client.send, {
    baseUrl: config.baseUrl,
    refuse: (reason) => new CheckSkipped(`live mode: ${reason}`),
  });
  const live = config.live;
  if (!live || config.tokens.kind !== 'sandbox') return { send: auth, close: () => client.close() };
  const tokens = () => liveTokensFor(config);
  const safety = withLiveSafety(auth, {
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
        const cleaner = createPolicyClient(transport, config.requestTimeoutMs, { exempt: true });
        // Problems are left to the run's final sweep, which reports what it cannot delete.
        await safety.release(cleaner.send, async () => (await liveClientToken(tokens())).accessToken);
        await cleaner.close();
      }
      await client.close();
    },
  };
}
