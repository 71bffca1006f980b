/**
 * `cleanup --ledger FILE|DIR`: finishes a live run that was interrupted (docs/design.md §5). Deletes what
 * the ledger lists as created and not yet deleted — nothing else — and marks each entry done, so it is safe to
 * run again. A folder means every ledger in it (`ledger-*.jsonl`, and an older `ledger.json`), one after another. Credentials come from the environment, as for `run --target sandbox`.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { createPolicyClient, isTargetError, redactText, type TransportPolicy } from '../../http/index.js';
import { cleanupLedger } from '../../live/cleanup.js';
import { readLiveCredentials, type Environment } from '../../live/credentials.js';
import { liveBaseUrl, liveFlags, liveTokenUrl, type LiveHost } from '../../live/hosts.js';
import { appOfClaims } from '../../live/jwt.js';
import { LedgerFileError, ledgersIn, pendingEntries, readLedger } from '../../live/ledger.js';
import { createTokenCache, TokenEndpointError } from '../../live/tokenCache.js';
import { UsageError, type CliCommand, type CliIO } from '../command.js';
import {
  CREDENTIALS_USAGE,
  HOST_FLAGS,
  HOST_USAGE,
  LIVE_DEFAULTS,
  requireLiveCredentials,
  resolveLiveHost,
  resolveTransport,
} from '../liveOptions.js';
import { DEFAULT_TIMEOUT_MS } from '../options.js';
import { integerFlag, parseStrictArgs } from '../flags.js';

const usage = `Usage: cis-conformance cleanup --ledger FILE|DIR [--target sandbox] [options]

Finishes an interrupted live run: deletes every client its ledger (<report-dir>/ledger-<runId>.jsonl) lists as
created and not yet deleted — nothing else — and marks each one done in the ledger. A create still pending (its
answer never came) is found by its recorded name; a client is deleted only when its name on the server carries
that run's prefix (<prefix>-<runId>-…). Safe to repeat: a client that is already gone (404) counts as deleted.
Only clients of the credentials' own app are touched.

Options:
  --ledger FILE|DIR       the ledger of the run to finish, or a report folder: every ledger-*.jsonl in it (required)
  --target sandbox        the live service (the only target with a ledger; default)
${HOST_USAGE}
  --rate N                requests per second (default ${LIVE_DEFAULTS.ratePerSecond})
  --retries N             retries of 429s and of 502/503/504 (default ${LIVE_DEFAULTS.retries})
  --timeout MS            per-request time-out (default ${DEFAULT_TIMEOUT_MS})

${CREDENTIALS_USAGE}

Exit codes: 0 when nothing the ledger lists is left; 1 when some entries could not be deleted (each is named);
2 on a usage error, missing credentials, an unreadable ledger, a ledger written against another host, or a
token endpoint that refuses the credentials.`;

export interface CleanupConfig {
  readonly ledgerFile: string;
  readonly host: LiveHost;
  readonly transport: TransportPolicy;
  readonly timeoutMs: number;
}

export function resolveCleanupOptions(args: readonly string[], cwd: string, env: Environment): CleanupConfig {
  const values = parseStrictArgs(args, {
    ledger: { type: 'string' },
    target: { type: 'string' },
    ...HOST_FLAGS,
    rate: { type: 'string' },
    retries: { type: 'string' },
    timeout: { type: 'string' },
  });
  if (values.ledger === undefined || values.ledger === '') {
    throw new UsageError(
      '--ledger FILE|DIR is required (the ledger-<runId>.jsonl of the run to finish, or its report folder)',
      '--ledger',
    );
  }
  if (values.target !== undefined && values.target !== 'sandbox') {
    throw new UsageError(`--target must be sandbox (only live runs keep a ledger), got '${values.target}'`, '--target');
  }
  const host = resolveLiveHost(values);
  requireLiveCredentials(env, '--ledger');
  const transport = resolveTransport(values, true) ?? {};
  return Object.freeze({
    ledgerFile: resolve(cwd, values.ledger),
    host,
    // No budget: the clean-up must be able to delete all the run created.
    transport: { ratePerSecond: transport.ratePerSecond, retries: transport.retries, dispatcher: 'global' as const },
    timeoutMs:
      values.timeout !== undefined ? integerFlag('--timeout', values.timeout, 100, 600_000) : DEFAULT_TIMEOUT_MS,
  });
}

/** Runs the clean-up of `config` and reports each entry; returns the exit code. */
export async function runCleanup(config: CleanupConfig, io: CliIO, env: Environment): Promise<number> {
  const say = (line: string): void => io.stdout(redactText(line));
  const fail = (line: string): number => {
    io.stderr(`cis-conformance cleanup: ${redactText(line)}`);
    return 2;
  };
  const client = createPolicyClient(config.transport, config.timeoutMs);
  try {
    const files = ledgerFilesAt(config.ledgerFile);
    if (files.length === 0) {
      say(`Nothing to clean up: ${config.ledgerFile} holds no ledger (ledger-*.jsonl).`);
      return 0;
    }
    let tokens: ReturnType<typeof createTokenCache> | undefined;
    let appId: string | undefined;
    let code = 0;
    for (const file of files) {
      const pending = pendingEntries(readLedger(file));
      if (pending.length === 0) {
        say(`Nothing to clean up: ${file} lists no resource left.`);
        continue;
      }
      if (tokens === undefined || appId === undefined) {
        tokens = createTokenCache({
          tokenUrl: liveTokenUrl(config.host),
          credentials: readLiveCredentials(env),
          send: client.send,
        });
        const app = appOfClaims((await tokens.client()).claims);
        if (typeof app === 'string') return fail(app);
        appId = app.appId;
      }
      const cache = tokens;
      const report = await cleanupLedger({
        ledgerFile: file,
        baseUrl: liveBaseUrl(config.host),
        send: client.send,
        token: async () => (await cache.client()).accessToken,
        appId,
        by: 'cleanup',
        log: (line) => say(`  ${line}`),
      });
      for (const problem of report.problems) io.stderr(`cis-conformance cleanup: ${problem} (skipped)`);
      for (const item of report.left) say(`  left: ${item.what}: ${item.reason}`);
      say(
        `Cleaned up ${file}: ${report.deleted.length} deleted, ${report.gone.length} already gone, ` +
          `${report.left.length} left.`,
      );
      if (report.left.length > 0) code = 1;
    }
    return code;
  } catch (error) {
    if (error instanceof LedgerFileError) {
      return fail(
        error.message.includes('was written against')
          ? `${error.message} (the host of ${liveFlags(config.host)}); pass the target flags of the run that wrote it`
          : error.message,
      );
    }
    if (error instanceof TokenEndpointError || isTargetError(error)) return fail(error.message);
    throw error;
  } finally {
    await client.close();
  }
}

/** `--ledger`: a file is that ledger; a folder, every ledger in it. A missing path is read (and named) as a file. */
function ledgerFilesAt(path: string): string[] {
  try {
    if (statSync(path).isDirectory()) return ledgersIn(path);
  } catch {
    // not there: readLedger names it
  }
  return [path];
}

/** One line on a run's ledger, printed after a live run. */
export function describeLedger(file: string): string {
  try {
    // Creates answered with a refusal, or found never to have happened, created nothing.
    const entries = readLedger(file).entries.filter(
      (e) => e.outcome !== 'not-created' && e.outcome !== 'never-created',
    );
    const left = pendingEntries({ entries }).length;
    const abandoned = entries.filter((e) => e.outcome === 'abandoned').length;
    const tail = left > 0 ? `; finish with \`npx cis-conformance cleanup --ledger ${file}\`` : '';
    const notDeleted = abandoned > 0 ? `, ${abandoned} not deleted (not provably the run's: check by hand)` : '';
    return (
      `Ledger ${file}: ${entries.length} resource(s) created, ${entries.length - left - abandoned} deleted` +
      `${notDeleted}, ${left} left${tail}`
    );
  } catch (error) {
    return `Ledger ${file}: ${error instanceof Error ? error.message : String(error)}`;
  }
}

export const cleanupCommand: CliCommand = {
  name: 'cleanup',
  summary: 'Delete what an interrupted live run created (from its ledger), and nothing else',
  usage,
  async run(args, io) {
    const config = resolveCleanupOptions(args, process.cwd(), process.env);
    return runCleanup(config, io, process.env);
  },
};
