/**
 * Finishes a live run: deletes what its ledger lists as created and not yet deleted — nothing else — and marks each
 * entry done. Idempotent: a 404 counts as already gone, and a second pass finds nothing to do. Used by the run's
 * final sweep (the sandbox target's `close`, which the runner calls in `finally`, also after Ctrl-C) and by
 * `cis-conformance cleanup` after a run that was killed.
 */
import type { Send } from '../http/index.js';
import { fillPath } from '../http/paths.js';
import { appendLedgerEvent, LedgerFileError, pendingEntries, readLedger, type LedgerEntry } from './ledger.js';
import { clientIdOf } from './liveSend.js';

export interface CleanupOptions {
  readonly ledgerFile: string;
  /** The prefix before `/v1/...`; must be the one the ledger was written against. */
  readonly baseUrl: string;
  /** Budget-exempt: a spent request budget must not stop the clean-up. */
  readonly send: Send;
  readonly token: () => Promise<string>;
  /** The app of the credentials: entries of another app are left alone (the token cannot reach them anyway). */
  readonly appId: string;
  /** Who marks entries done: `run` or `cleanup`. */
  readonly by: string;
  readonly log?: (line: string) => void;
}

export interface CleanupReport {
  readonly deleted: readonly string[];
  readonly gone: readonly string[];
  readonly left: readonly { readonly what: string; readonly reason: string }[];
  /** Unreadable ledger lines. */
  readonly problems: readonly string[];
}

export async function cleanupLedger(options: CleanupOptions): Promise<CleanupReport> {
  const ledger = readLedger(options.ledgerFile);
  const base = options.baseUrl.replace(/\/+$/, '');
  if (ledger.run && ledger.run.baseUrl !== base) {
    throw new LedgerFileError(options.ledgerFile, `was written against ${ledger.run.baseUrl}, not ${base}`);
  }
  const deleted: string[] = [];
  const gone: string[] = [];
  const left: { what: string; reason: string }[] = [];
  const log = options.log ?? (() => undefined);
  const done = (entry: Pick<LedgerEntry, 'id' | 'name'>, outcome: 'deleted' | 'gone' | 'never-created'): void =>
    appendLedgerEvent(options.ledgerFile, {
      event: 'done',
      kind: 'client',
      ...(entry.id !== undefined ? { id: entry.id } : {}),
      ...(entry.name !== undefined ? { name: entry.name } : {}),
      outcome,
      by: options.by,
      at: new Date().toISOString(),
    });
  const request = async (method: 'GET' | 'DELETE', path: string) =>
    options.send({
      method,
      url: `${base}${path}`,
      headers: { accept: 'application/json', authorization: `Bearer ${await options.token()}` },
    });

  const pending = pendingEntries(ledger);
  const ours = pending.filter((entry) => {
    if (entry.app === options.appId) return true;
    left.push({
      what: describe(entry),
      reason: `created in app ${entry.app}; the credentials are of app ${options.appId}`,
    });
    return false;
  });
  const byName = ours.some((entry) => entry.id === undefined) ? await clientsByName(request, left) : undefined;

  for (const entry of ours) {
    const what = describe(entry);
    let ids: string[];
    if (entry.id !== undefined) ids = [entry.id];
    else if (!entry.name?.includes(`-${entry.runId}-`)) {
      // Only a name with the run id is certainly the run's; any other could be a pre-existing client's.
      left.push({
        what,
        reason: `its name does not carry the run id ${entry.runId}, so it cannot be told apart from clients the run did not create`,
      });
      continue;
    } else if (!byName)
      continue; // the list failed; reported once in `left`
    else {
      ids = byName.get(entry.name ?? '') ?? [];
      if (ids.length === 0) {
        done(entry, 'never-created');
        log(`${what}: was never created`);
        continue;
      }
    }
    let failed = false;
    let deletedAny = false;
    for (const id of ids) {
      try {
        const res = await request('DELETE', fillPath('/v1/clients/{clientId}', { clientId: id }));
        if (res.status === 404) gone.push(id);
        else if (res.status >= 200 && res.status < 300) {
          deleted.push(id);
          deletedAny = true;
        } else {
          failed = true;
          left.push({ what, reason: `DELETE /v1/clients/${id} answered ${res.status}` });
        }
      } catch (error) {
        failed = true;
        left.push({
          what,
          reason: `DELETE /v1/clients/${id} failed: ${error instanceof Error ? error.message : String(error)}`,
        });
      }
    }
    if (failed) continue;
    done(entry.id !== undefined ? entry : { ...entry, id: ids[0] }, deletedAny ? 'deleted' : 'gone');
    log(`${what}: ${deletedAny ? 'deleted' : 'already gone'}`);
  }
  return { deleted, gone, left, problems: ledger.problems };
}

function describe(entry: LedgerEntry): string {
  return `client ${entry.id ?? `named ${JSON.stringify(entry.name)} (create unconfirmed)`} created by ${entry.createdBy}`;
}

/** Client ids by name, from one listing; undefined (with the reason in `left`) when the listing fails. */
async function clientsByName(
  request: (method: 'GET', path: string) => ReturnType<Send>,
  left: { what: string; reason: string }[],
): Promise<Map<string, string[]> | undefined> {
  try {
    const res = await request('GET', '/v1/clients');
    const body =
      res.json !== null && typeof res.json === 'object' && 'result' in res.json
        ? (res.json as { result: unknown }).result
        : res.json;
    if (res.status !== 200 || !Array.isArray(body)) throw new Error(`GET /v1/clients answered ${res.status}`);
    const map = new Map<string, string[]>();
    for (const item of body) {
      const name = (item as { name?: unknown } | null)?.name;
      const id = clientIdOf(item);
      if (typeof name === 'string' && id !== undefined) map.set(name, [...(map.get(name) ?? []), id]);
    }
    return map;
  } catch (error) {
    left.push({
      what: 'unconfirmed creates',
      reason: `could not list the clients to find them by name: ${error instanceof Error ? error.message : String(error)}`,
    });
    return undefined;
  }
}
