/**
 * The live-mode wrapper around a check's `send`: it refuses what ownership.ts refuses, writes every create to the
 * ledger before the check sees the answer, marks deletes done, and afterwards deletes what the check created and
 * left behind. The run's final sweep and `cleanup` catch whatever a crash leaves.
 */
import { randomUUID } from 'node:crypto';
import { isTargetError, type HttpRequest, type HttpResponse, type Send } from '../http/index.js';
import { fillPath, urlBelow } from '../http/paths.js';
import { appendLedgerEvent, carriesRunPrefix, pendingEntries, readLedger, type LedgerEvent } from './ledger.js';
import { effectiveMethod, pathBelowBase, refusalOf } from './ownership.js';

export interface LiveSafetyOptions {
  readonly baseUrl: string;
  readonly runId: string;
  /** The record id of the check (ledger `createdBy`). */
  readonly checkId: string;
  readonly ledgerFile: string;
  readonly allowDestructive: boolean;
  /** The app the run's token belongs to (ledger `app`). */
  readonly appId: () => Promise<string>;
  /** What a refusal throws (a skip, for checks). */
  readonly refuse: (reason: string) => Error;
}

export interface LiveSafety {
  readonly send: Send;
  /** Ids this wrapper created that are not known to be deleted. */
  leftovers(): string[];
  /** Deletes the leftovers with `send` and `token`; returns problems, never throws. */
  release(send: Send, token: () => Promise<string>): Promise<string[]>;
}

export function withLiveSafety(send: Send, options: LiveSafetyOptions): LiveSafety {
  const mine = new Set<string>();
  const at = (): string => new Date().toISOString();
  const append = (event: LedgerEvent): void => appendLedgerEvent(options.ledgerFile, event);
  const inLedger = (id: string): boolean => {
    if (mine.has(id)) return true;
    try {
      return readLedger(options.ledgerFile).entries.some((entry) => entry.id === id && entry.checked === true);
    } catch {
      return false;
    }
  };
  const markDone = (id: string, status: number, by: string): void => {
    append({ event: 'done', kind: 'client', id, outcome: status === 404 ? 'gone' : 'deleted', by, at: at() });
    mine.delete(id);
  };

  const guarded: Send = async (request) => {
    const reason = refusalOf(request, {
      baseUrl: options.baseUrl,
      runId: options.runId,
      created: inLedger,
      allowDestructive: options.allowDestructive,
    });
    if (reason !== undefined) throw options.refuse(`live mode: ${reason}`);
    const segments = pathBelowBase(request.url, options.baseUrl) ?? [];
    const lower = segments.map((segment) => segment.toLowerCase());
    const isClients = lower.length === 2 && lower[0] === 'v1' && lower[1] === 'clients';
    const method = effectiveMethod(request);
    if (isClients && method === 'POST') return recordCreate(request);
    const response = await send(request);
    if (method === 'DELETE' && (isOk(response.status) || response.status === 404)) {
      if (isClients && isOk(response.status)) await markAllDone();
      else if (lower.length === 3 && lower[0] === 'v1' && lower[1] === 'clients' && inLedger(segments[2] as string)) {
        markDone(segments[2] as string, response.status, `check ${options.checkId}`);
      }
    }
    return response;
  };

  async function recordCreate(request: HttpRequest): Promise<HttpResponse> {
    const app = await options.appId();
    const name = nameOf(request);
    const ref = `${options.checkId}#${randomUUID().slice(0, 8)}`;
    const base = { kind: 'client' as const, app, runId: options.runId, createdBy: options.checkId };
    // Before the request goes out: a create whose answer never arrives (Ctrl-C, time-out, reset) stays pending,
    // and the sweep or `cleanup` finds it by its name.
    append({ event: 'pending', ...base, ref, ...(name !== undefined ? { name } : {}), at: at() });
    let response: HttpResponse;
    try {
      response = await send(request);
    } catch (error) {
      // Only a request that went out may have created something; a refusal or a spent budget sent nothing.
      if (!isTargetError(error) || error.kind === 'budget') {
        append({ event: 'not-created', ref, reason: `not sent (${describeError(error)})`, at: at() });
      } else if (name !== undefined) {
        append({ event: 'unconfirmed', ...base, ref, name, reason: `no answer (${error.kind})`, at: at() });
      }
      throw error;
    }
    const id = clientIdOf(response.json);
    const answeredName = clientNameOf(response.json);
    if (isOk(response.status) && id !== undefined && answeredName !== undefined && answeredName !== name) {
      // Not the client the run asked for: its id is not trusted (never deleted or changed by id); the name decides.
      const reason = `answered ${response.status} with client ${id} named ${JSON.stringify(answeredName)}, not the name sent`;
      if (name !== undefined) append({ event: 'unconfirmed', ...base, ref, name, reason, at: at() });
    } else if (isOk(response.status) && id !== undefined) {
      // Trusted (changed and deleted by id) only when the answer named it as asked, with the run's prefix; an
      // answer without a name leaves the id to the sweep, which reads the client's name before deleting it.
      const checked = answeredName === name && carriesRunPrefix(name, options.runId);
      append({ event: 'created', ...base, ref, id, ...(name !== undefined ? { name } : {}), checked, at: at() });
      if (checked) mine.add(id);
    } else if (isOk(response.status) || response.status >= 500) {
      const reason = `answered ${response.status}${isOk(response.status) ? ' without a client_id' : ''}`;
      if (name !== undefined) append({ event: 'unconfirmed', ...base, ref, name, reason, at: at() });
    } else {
      append({ event: 'not-created', ref, reason: `answered ${response.status}`, at: at() });
    }
    return response;
  }

  async function markAllDone(): Promise<void> {
    const app = await options.appId();
    for (const entry of pendingEntries(readLedger(options.ledgerFile))) {
      if (entry.app !== app) continue;
      append({
        event: 'done',
        kind: 'client',
        ...(entry.id !== undefined ? { id: entry.id } : {}),
        ...(entry.name !== undefined ? { name: entry.name } : {}),
        outcome: 'deleted',
        by: `check ${options.checkId} (DELETE /v1/clients)`,
        at: at(),
      });
      if (entry.id !== undefined) mine.delete(entry.id);
    }
  }

  return {
    send: guarded,
    leftovers: () => [...mine],
    async release(plain, token) {
      const problems: string[] = [];
      for (const id of [...mine]) {
        try {
          const res = await plain({
            method: 'DELETE',
            url: urlBelow(options.baseUrl, fillPath('/v1/clients/{clientId}', { clientId: id })),
            headers: { accept: 'application/json', authorization: `Bearer ${await token()}` },
          });
          if (isOk(res.status) || res.status === 404) markDone(id, res.status, `check ${options.checkId} (clean-up)`);
          else problems.push(`deleting client ${id} answered ${res.status}`);
        } catch (error) {
          problems.push(`deleting client ${id} failed: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      return problems;
    },
  };
}

const isOk = (status: number): boolean => status >= 200 && status < 300;

/** The created client's id, with or without the `{"result": ...}` envelope (decisions.md #1). */
export function clientIdOf(json: unknown): string | undefined {
  const id = clientField(json, 'client_id');
  return typeof id === 'string' && id !== '' ? id : undefined;
}

/** The client's name in an answer (with or without the envelope), when it has one. */
export function clientNameOf(json: unknown): string | undefined {
  const name = clientField(json, 'name');
  return typeof name === 'string' ? name : undefined;
}

function clientField(json: unknown, field: string): unknown {
  const body =
    json !== null && typeof json === 'object' && 'result' in json ? (json as { result: unknown }).result : json;
  return body !== null && typeof body === 'object' ? (body as Record<string, unknown>)[field] : undefined;
}

const describeError = (error: unknown): string => (error instanceof Error ? error.message : String(error));

function nameOf(request: HttpRequest): string | undefined {
  if (request.body === undefined) return undefined;
  try {
    const body = JSON.parse(request.body.toString()) as { name?: unknown };
    return typeof body.name === 'string' ? body.name : undefined;
  } catch {
    return undefined;
  }
}
