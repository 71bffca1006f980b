/**
 * The model of one app's clients for the model-based suite, and the real side it is compared with.
 *
 * The model knows each client the sequence touched (the app's default client is `#0`, created ones `#1`, `#2`...),
 * whether and how it was removed, and for each field a command set, the value and who set it. That provenance
 * decides which catalog rule a disagreement breaks: a field set by create and lost is CLIENTS-GET-ROUND-TRIP, one
 * set by update CLIENTS-UPDATE-ROUND-TRIP, one left out of an update CLIENTS-UPDATE-OMITTED-FIELDS-KEPT, an old
 * object member surviving a PUT CLIENTS-UPDATE-OBJECT-FIELDS-REPLACED, a deleted client still there
 * CLIENTS-DELETE-GONE. What no narrower rule covers is the model's own, CLIENTS-LIST-STATEFUL-MODEL.
 */
import type { CisClient } from '../../../../src/client/index.js';
import type { CheckCredential, CheckExpect, TargetResponse } from '../../../../src/suite/index.js';
import { holdsValue, isPlainObject } from '../../../support/compare.js';

export type JsonObject = Record<string, unknown>;
export const MODEL_RULE = 'CLIENTS-LIST-STATEFUL-MODEL';

export type FieldSource = 'create' | 'update' | 'resources';

export interface ExpectedField {
  readonly value: unknown;
  readonly source: FieldSource;
  /** An update since then left this field out, so it must have kept its value. */
  readonly keptThroughUpdate: boolean;
  /** The object this value replaced by PUT: its members the new value lacks must not come back. */
  readonly replaced?: JsonObject;
}

export interface ModelClient {
  readonly id: string;
  readonly label: string;
  gone?: 'delete' | 'delete-all';
  readonly fields: Map<string, ExpectedField>;
}

export interface ClientsModel {
  readonly clients: ModelClient[];
  /** The token's own client (#0) was deleted: a target may then refuse the token (an observation). */
  tokenClientGone: boolean;
}

/** What the commands act on; `expect` collects the sequence's judgements (src/suite/property.ts). */
export interface ClientsReal {
  readonly expect: CheckExpect;
  readonly cis: CisClient;
  readonly token: CheckCredential;
  /** A run-unique client name (a taken name is a 409, decisions.md #4). */
  newName(): string;
  skip(reason: string): never;
}

export function initialClientsModel(defaultClientId: string): ClientsModel {
  return { clients: [{ id: defaultClientId, label: '#0', fields: new Map() }], tokenClientGone: false };
}

/** Commands name clients by slot: any client the model knows, removed ones included. */
export function clientAt(model: Readonly<ClientsModel>, slot: number): ModelClient {
  return model.clients[slot % model.clients.length] as ModelClient;
}

export function aliveClients(model: Readonly<ClientsModel>): ModelClient[] {
  return model.clients.filter((client) => client.gone === undefined);
}

export function goneRule(client: ModelClient): string {
  return client.gone === 'delete-all' ? 'CLIENTS-DELETE-ALL-EMPTIES-APP' : 'CLIENTS-DELETE-GONE';
}

export function describeGone(client: ModelClient): string {
  return `client ${client.label} (${client.gone === 'delete-all' ? 'removed by delete-all' : 'deleted'})`;
}

/** PUT semantics (decisions.md #16): fields sent replace, objects whole; fields left out are kept. */
export function applyUpdate(client: ModelClient, patch: JsonObject, source: FieldSource): void {
  for (const [field, state] of client.fields) {
    if (!(field in patch))
      client.fields.set(field, { ...state, keptThroughUpdate: source === 'update' || state.keptThroughUpdate });
  }
  for (const [field, value] of Object.entries(patch)) {
    const old = client.fields.get(field)?.value;
    const replaced = source === 'update' && isPlainObject(old) && isPlainObject(value) ? old : undefined;
    client.fields.set(field, { value, source, keptThroughUpdate: false, ...(replaced ? { replaced } : {}) });
  }
}

/** Where a client was read: the answer of the command that changed it, a get by id, or a listing. */
export type ReadVia = 'answer' | 'get' | 'list';

function fieldRule(state: ExpectedField, via: ReadVia): string {
  if (state.keptThroughUpdate) return 'CLIENTS-UPDATE-OMITTED-FIELDS-KEPT';
  if (state.source === 'resources') return 'CLIENTS-RESOURCES-REPLACES';
  if (state.source === 'update') return via === 'answer' ? 'CLIENTS-UPDATE-200' : 'CLIENTS-UPDATE-ROUND-TRIP';
  if (via === 'answer') return 'CLIENTS-CREATE-201';
  return via === 'list' ? 'CLIENTS-LIST-ALL-CLIENTS' : 'CLIENTS-GET-ROUND-TRIP';
}

const VIA_TEXT: Record<ReadVia, string> = { answer: 'in the answer', get: 'read by id', list: 'in the listing' };

/** Each field the model expects, then each replaced object member that must not have come back. */
export function expectClientHolds(e: CheckExpect, client: ModelClient, got: unknown, via: ReadVia): void {
  const body = isPlainObject(got) ? got : {};
  for (const [field, state] of client.fields) {
    e.that(holdsValue(state.value, body[field]), {
      requirement: fieldRule(state, via),
      expected: `client ${client.label} with ${field} ${JSON.stringify(state.value)}`,
      observed: `${VIA_TEXT[via]} ${field} ${field in body ? JSON.stringify(body[field]) : 'missing'}`,
    });
    const now = body[field];
    if (!state.replaced || !isPlainObject(now) || !isPlainObject(state.value)) continue;
    for (const [member, old] of Object.entries(state.replaced)) {
      if (member in state.value) continue;
      e.that(!(member in now) || !holdsValue(old, now[member]), {
        requirement: 'CLIENTS-UPDATE-OBJECT-FIELDS-REPLACED',
        expected: `client ${client.label} with ${field} ${JSON.stringify(state.value)} (replaced whole)`,
        observed: `${VIA_TEXT[via]} ${field}.${member} still ${JSON.stringify(old)}`,
      });
    }
  }
}

/**
 * Every answer: never a 5xx (documented), and — once the token's own client is gone — a refusal of the token
 * ends the check as skipped: the model cannot go on without a token the target takes.
 */
export function expectAnswered(model: ClientsModel, real: ClientsReal, res: TargetResponse, operation: string): void {
  real.expect.that(res.status < 500, {
    requirement: `${operation}-NO-5XX`,
    expected: 'an answer other than 5xx',
    observed: `status ${res.status}`,
  });
  if (model.tokenClientGone && (res.status === 401 || res.status === 403)) {
    real.skip(
      `the target refuses the app's token (${res.status}) after its own client was deleted (CLIENTS-DELETE-ALL-TOKEN-AFTER), so the model-based sequence cannot go on`,
    );
  }
}
