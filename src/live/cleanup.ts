/**
 * Finishes a live run: deletes what its ledger lists as created and not yet deleted — nothing else — and marks each
 * entry done. A pending create is looked up by its recorded name in one listing of the app's clients; an id the
 * server answered is deleted only when the client's name (listed, or read by id) carries the run's prefix, so a
 * server answering another client's id cannot get it deleted. What can never be told apart from clients the run
 * did not create is marked `abandoned` and named in the report, so it blocks no later run. Idempotent: a 404 counts as already gone, and a second pass finds nothing to do. Used by the run's
 * final sweep (the sandbox target's `close`, which the runner calls in `finally`, also after Ctrl-C) and by
 * `cis-conformance cleanup` after a run that was killed.
 */
import type { Send } from '../http/index.js';
import { fillPath } from '../http/paths.js';
import {
  appendLedgerEvent,
  carriesRunPrefix,
  LedgerFileError,
  pendingEntries,
  readLedger,
  type LedgerEntry,
} from './ledger.js';
import { clientIdOf, clientNameOf } from './liveSend.js';

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
  const done = (
    entry: Pick<LedgerEntry, 'id' | 'name'>,
    outcome: 'deleted' | 'gone' | 'never-created' | 'abandoned',
  ): void =>
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

  const abandon = (entry: LedgerEntry, reason: string): void => {
    done(entry, 'abandoned');
    left.push({ what: describe(entry), reason });
  };

  const pending = pendingEntries(ledger);
  const ours = pending.filter((entry) => {
    if (entry.app === options.appId) return true;
    left.push({
      what: describe(entry),
      reason: `created in app ${entry.app}; the credentials are of app ${options.appId}`,
    });
    return false;
  });
  const listing = ours.length > 0 ? await listClients(request, left) : undefined;

  for (const entry of ours) {
    const what = describe(entry);
    let ids: string[];
    if (entry.id !== undefined) {
      // The id the server answered is not trusted blindly: the client it names must carry the run's prefix.
      let name = listing?.names.get(entry.id);
      if (name === undefined) {
        const read = await readClient(request, entry.id);
        if (read.gone) {
          done(entry, 'gone');
          gone.push(entry.id);
          log(`${what}: already gone`);
          continue;
        }
        if (read.problem !== undefined) {
          left.push({ what, reason: read.problem });
          continue;
        }
        name = read.name;
      }
      if (!carriesRunPrefix(name, entry.runId)) {
        abandon(
          entry,
          `the server names client ${entry.id} ${JSON.stringify(name ?? null)}, without the run's prefix ` +
            `(-${entry.runId}-): not deleted, it may not be the run's (check it by hand)`,
        );
        continue;
      }
      ids = [entry.id];
    } else if (!carriesRunPrefix(entry.name, entry.runId)) {
      // Only a name with the run id is certainly the run's; any other could be a pre-existing client's.
      abandon(
        entry,
        `its name does not carry the run id ${entry.runId}, so it cannot be told apart from clients the run did ` +
          'not create; if the create went through, delete that client by hand',
      );
      continue;
    } else if (!listing)
      continue; // the list failed; reported once in `left`
    else {
      ids = listing.ids.get(entry.name ?? '') ?? [];
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
  return `client ${entry.id ?? `named ${JSON.stringify(entry.name ?? null)} (create pending: its answer never came or said nothing)`} created by ${entry.createdBy}`;
}

type Request = (method: 'GET' | 'DELETE', path: string) => ReturnType<Send>;

/** One client by id: its name, gone (404), or why it could not be read. */
async function readClient(request: Request, id: string): Promise<{ name?: string; gone?: boolean; problem?: string }> {
  try {
    const res = await request('GET', fillPath('/v1/clients/{clientId}', { clientId: id }));
    if (res.status === 404) return { gone: true };
    if (res.status !== 200)
      return { problem: `GET /v1/clients/${id} answered ${res.status}: its name could not be checked` };
    const name = clientNameOf(res.json);
    return name !== undefined ? { name } : {};
  } catch (error) {
    return { problem: `GET /v1/clients/${id} failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** The app's clients from one listing (ids by name, names by id); undefined (with the reason in `left`) when it fails. */
async function listClients(
  request: Request,
  left: { what: string; reason: string }[],
): Promise<{ ids: Map<string, string[]>; names: Map<string, string> } | undefined> {
  try {
    const res = await request('GET', '/v1/clients');
    const body =
      res.json !== null && typeof res.json === 'object' && 'result' in res.json
        ? (res.json as { result: unknown }).result
        : res.json;
    if (res.status !== 200 || !Array.isArray(body)) throw new Error(`GET /v1/clients answered ${res.status}`);
    const ids = new Map<string, string[]>();
    const names = new Map<string, string>();
    for (const item of body) {
      const name = (item as { name?: unknown } | null)?.name;
      const id = clientIdOf(item);
      if (typeof name === 'string' && id !== undefined) {
        ids.set(name, [...(ids.get(name) ?? []), id]);
        names.set(id, name);
      }
    }
    return { ids, names };
  } catch (error) {
    left.push({
      what: 'pending creates',
      reason: `could not list the clients to find them by name: ${error instanceof Error ? error.message : String(error)}`,
    });
    return undefined;
  }
}
