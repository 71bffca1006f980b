/**
 * Steps the Clients checks share: a fresh app with a token, and one function per operation that sends the
 * request through the typed client (`cis.ts`) and hands back the response with its unwrapped body. Steps judge
 * nothing themselves except the set-up create, which must succeed for a check to reach its point; each check names
 * the rule it tests.
 */
import type { ClientCreateInput, ClientUpdateInput } from '../../src/client/index.js';
import type { AppFixture, CheckContext, CheckCredential, TargetResponse } from '../../src/suite/index.js';
import { cisOf } from './cis.js';
import { minimalOidcBody, type JsonObject } from './clientBodies.js';
import { describeBody, resultList, resultObject } from './envelope.js';

export const CLIENTS_PATH = '/v1/clients';

/** `/v1/clients/{clientId}`; `encodedId` is put in the path as is (for odd ids already encoded by the caller). */
export function clientPath(clientId: string, options: { readonly encodedId?: boolean } = {}): string {
  return `${CLIENTS_PATH}/${options.encodedId ? clientId : encodeURIComponent(clientId)}`;
}

export function clientResourcesPath(clientId: string, options: { readonly encodedId?: boolean } = {}): string {
  return `${clientPath(clientId, options)}/resources`;
}

/**
 * Every permission of the Clients lists (docs/facts.md §2; apps:* and [appId]:* for each action), so a token passes each
 * operation whether a target reads the lists as any-of (decisions.md #11) or as all-of. Who may do what is the
 * permission suite's business; these suites test what the operations do.
 */
export const CLIENTS_PERMISSIONS: readonly string[] = ['create', 'read', 'edit', 'delete'].flatMap((action) => [
  `apps:${action}`,
  `[appId]:${action}`,
]);

export interface ClientsSession {
  readonly app: AppFixture;
  readonly token: CheckCredential;
}

/** A fresh app (fresh tenant) and a client token of it holding CLIENTS_PERMISSIONS. */
export async function clientsSession(c: CheckContext): Promise<ClientsSession> {
  const app = await c.fixtures.app();
  return { app, token: await c.tokens.client({ app, permissions: CLIENTS_PERMISSIONS }) };
}

/** Another token for the same app (e.g. after delete-all, when the first one's client is gone). */
export async function freshToken(c: CheckContext, session: ClientsSession): Promise<CheckCredential> {
  return c.tokens.client({ app: session.app, permissions: CLIENTS_PERMISSIONS });
}

export interface ClientResponse {
  readonly res: TargetResponse;
  /** The unwrapped client when the body is a JSON object. */
  readonly client: Record<string, unknown> | undefined;
}

export interface CreatedClient extends ClientResponse {
  readonly id: string;
  readonly client: Record<string, unknown>;
  /** The body that was sent. */
  readonly sent: JsonObject;
}

/** `body` is sent as given, valid or not (the invalid-body checks use these steps too). */
export async function postClient(c: CheckContext, token: CheckCredential, body: unknown): Promise<ClientResponse> {
  const res = (await cisOf(c).createClient(token, body as ClientCreateInput)).response;
  return { res, client: resultObject(res) };
}

/**
 * A set-up create (default body: minimalOidcBody with a run-unique name). Any 2xx with a client_id will do here,
 * so that a check about another rule still runs when the exact create status is wrong; anything else fails the
 * check under CLIENTS-CREATE-201, since a valid create that gives no client breaks that documented rule.
 */
export async function createClient(
  c: CheckContext,
  session: ClientsSession,
  body?: JsonObject,
): Promise<CreatedClient> {
  const sent = body ?? minimalOidcBody(c.fixtures.id('client'));
  const { res, client } = await postClient(c, session.token, sent);
  c.expect.status(res, '2xx', { requirement: 'CLIENTS-CREATE-201' });
  const id = client?.['client_id'];
  c.expect.that(typeof id === 'string' && id !== '', {
    requirement: 'CLIENTS-CREATE-201',
    expected: 'the created client with a client_id string',
    observed: `a ${res.status} body ${describeBody(res.json)}`,
  });
  return { res, client: client ?? {}, id: id as string, sent };
}

/** A fresh session and one client created in it (the set-up create of `createClient`). */
export async function sessionWithClient(
  c: CheckContext,
): Promise<{ readonly session: ClientsSession; readonly created: CreatedClient }> {
  const session = await clientsSession(c);
  return { session, created: await createClient(c, session) };
}

export async function getClient(c: CheckContext, token: CheckCredential, clientId: string): Promise<ClientResponse> {
  const res = (await cisOf(c).getClient(token, clientId)).response;
  return { res, client: resultObject(res) };
}

export async function putClient(
  c: CheckContext,
  token: CheckCredential,
  clientId: string,
  body: unknown,
): Promise<ClientResponse> {
  const res = (await cisOf(c).updateClient(token, clientId, body as ClientUpdateInput)).response;
  return { res, client: resultObject(res) };
}

export async function putResources(
  c: CheckContext,
  token: CheckCredential,
  clientId: string,
  body: unknown,
): Promise<ClientResponse> {
  // Raw: the client builds a valid `{resource_ids}` body itself, and the checks also send invalid ones.
  const res = await c.send({ method: 'PUT', path: clientResourcesPath(clientId), token, body });
  return { res, client: resultObject(res) };
}

export async function deleteClient(c: CheckContext, token: CheckCredential, clientId: string): Promise<TargetResponse> {
  return (await cisOf(c).deleteClient(token, clientId)).response;
}

export async function deleteAllClients(c: CheckContext, token: CheckCredential): Promise<TargetResponse> {
  return (await cisOf(c).deleteAllClients(token)).response;
}

export interface ClientList {
  readonly res: TargetResponse;
  /** The unwrapped list when the body is a JSON array (of objects). */
  readonly clients: Record<string, unknown>[] | undefined;
}

export async function listClients(c: CheckContext, token: CheckCredential): Promise<ClientList> {
  const res = (await cisOf(c).listClients(token)).response;
  return { res, clients: resultList(res) };
}

/** The client ids of a listing, for findings. */
export function idsOf(clients: readonly Record<string, unknown>[] | undefined): string[] {
  return (clients ?? []).map((client) => String(client['client_id']));
}

export interface EmptiedApp {
  readonly session: ClientsSession;
  /** The ids the app held before delete-all (its default client, when there is one, and one created). */
  readonly formerIds: readonly string[];
  /** A token minted after delete-all: the session's own token belonged to a client that is now gone. */
  readonly token: CheckCredential;
}

/**
 * A fresh app with one client created in it, then emptied by delete-all. The delete-all is a set-up here: any
 * 2xx will do, anything else fails the check under CLIENTS-DELETE-ALL-204 (deleting all clients must work).
 */
export async function emptiedApp(c: CheckContext): Promise<EmptiedApp> {
  const { session, created } = await sessionWithClient(c);
  const before = await listClients(c, session.token);
  const res = await deleteAllClients(c, session.token);
  c.expect.status(res, '2xx', { requirement: 'CLIENTS-DELETE-ALL-204' });
  const formerIds = [...new Set([created.id, ...idsOf(before.clients)])];
  return { session, formerIds, token: await freshToken(c, session) };
}

/** Ends the check as skipped when a token of the emptied app is refused: the empty app cannot be reached then. */
export function skipIfTokenRefused(c: CheckContext, res: TargetResponse): void {
  if (res.status === 401 || res.status === 403) {
    c.skip(
      `after delete-all the target refuses tokens of the app (status ${res.status}), so the emptied app cannot be examined`,
    );
  }
}
