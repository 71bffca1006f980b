/**
 * The live Transmit service (docs/design.md §5). Opening it fetches a real client token (which also
 * proves the credentials) to learn the app the run works in, and starts the run's ledger; closing it is the run's
 * final sweep, which deletes whatever the ledger still lists. The runner closes the target in `finally`, so the
 * sweep also runs after a failure or a Ctrl-C; a run killed outright leaves the ledger to `cleanup`.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPolicyClient, removeGateFile, resetGateFile, type TransportPolicy } from '../http/index.js';
import { cleanupLedger } from '../live/cleanup.js';
import { readLiveCredentials, type Environment } from '../live/credentials.js';
import { liveBaseUrl, liveFlags, liveLabel, liveTokenUrl } from '../live/hosts.js';
import { appOfClaims } from '../live/jwt.js';
import { ledgerFileOf, startLedger, UnfinishedLedgerError, unfinishedLedgersRefusal } from '../live/ledger.js';
import { createTokenCache } from '../live/tokenCache.js';
import type { SandboxTargetSpec, Target } from './types.js';

/** Why checks that need the state hook are skipped in live mode. */
export const LIVE_NO_STATE_HOOK = 'the live service has no state hook; consents come from the consent flow';

export interface SandboxTargetOptions {
  readonly spec: SandboxTargetSpec;
  readonly timeoutMs: number;
  readonly env: Environment;
  /** Names the run's ledger (`ledger-<runId>.jsonl`). */
  readonly runId: string;
}

export async function openSandboxTarget(options: SandboxTargetOptions): Promise<Target> {
  const { spec } = options;
  const ledgerFile = ledgerFileOf(spec.ledgerDir, options.runId);
  // Before anything is sent: unfinished ledgers in the report folder stop the run (one line, exit 2 from the CLI).
  const refusal = unfinishedLedgersRefusal(spec.ledgerDir);
  if (refusal !== undefined) throw new UnfinishedLedgerError(refusal);
  const credentials = readLiveCredentials(options.env);
  const baseUrl = liveBaseUrl(spec.host);
  const tokenUrl = liveTokenUrl(spec.host);
  // One gate for every process of the run (the vitest workers too): the budget and the rate hold run-wide.
  const gateFile = join(tmpdir(), `cis-conformance-gate-${randomUUID()}.json`);
  resetGateFile(gateFile);
  const transport: TransportPolicy = { ...spec.transport, gateFile, dispatcher: 'global' };
  const client = createPolicyClient(transport, options.timeoutMs);
  const cleaner = createPolicyClient(transport, options.timeoutMs, { exempt: true });
  const tokens = createTokenCache({ tokenUrl, credentials, send: client.send });
  let token;
  try {
    token = await tokens.client();
  } catch (error) {
    removeGateFile(gateFile);
    throw error;
  }
  const app = appOfClaims(token.claims);
  if (typeof app === 'string') {
    removeGateFile(gateFile);
    throw new Error(app);
  }

  mkdirSync(spec.ledgerDir, { recursive: true });
  try {
    startLedger(ledgerFile, {
      baseUrl,
      tenant: app.tenantId,
      app: app.appId,
      runId: options.runId,
      at: new Date().toISOString(),
    });
  } catch (error) {
    removeGateFile(gateFile);
    throw error;
  }
  const problems: string[] = [];
  const allowDestructive = spec.disposableApp !== undefined && spec.disposableApp === app.appId;
  if (spec.disposableApp !== undefined && !allowDestructive) {
    problems.push(
      `--disposable-app ${spec.disposableApp} is not the token's own app (${app.appId}); ` +
        'DELETE /v1/clients stays off and its checks are skipped',
    );
  }

  return {
    label: liveLabel(spec.host),
    baseUrl,
    stateUrl: null,
    stateUnavailableReason: LIVE_NO_STATE_HOOK,
    problems,
    suiteConfig: {
      tokens: { kind: 'sandbox', tokenUrl },
      transport,
      live: { ledgerFile, allowDestructive },
    },
    async close() {
      try {
        const report = await cleanupLedger({
          ledgerFile,
          baseUrl,
          send: cleaner.send,
          token: async () => (await tokens.client()).accessToken,
          appId: app.appId,
          by: 'run',
        });
        if (report.left.length > 0) {
          const items = report.left.map((item) => `${item.what}: ${item.reason}`).join('; ');
          throw new Error(
            `the clean-up left ${report.left.length} resource(s) (${items}); finish it with ` +
              `\`npx cis-conformance cleanup --ledger ${ledgerFile} ${liveFlags(spec.host)}\``,
          );
        }
      } finally {
        await Promise.all([client.close(), cleaner.close()]);
        removeGateFile(gateFile);
      }
    },
  };
}
