import type { CheckCredential } from '../model/checkCredential.js';
import type { SendRequest, TargetResponse } from '../model/targetExchange.js';
import { toCisResponse, type CisResponse } from './cisResponse.js';
import { CIS_OPERATIONS, fillPath, type CisOperationName } from './operations.js';
import type {
  Client,
  ClientCreateInput,
  ClientUpdateInput,
  Consent,
  ConsentWithClientName,
} from '../model/cisBodies.js';

/** The transport: the suites' recording `send`, `fetchSend(baseUrl)`, or a stub in tests. */
export type Send = (request: SendRequest) => Promise<TargetResponse>;

/** A bearer token (or a check's live credential), or null to send no Authorization header (for the auth checks). */
export type Token = CheckCredential | null;

export interface CisClient {
  createClient(token: Token, body: ClientCreateInput): Promise<CisResponse<Client>>;
  listClients(token: Token): Promise<CisResponse<Client[]>>;
  deleteAllClients(token: Token): Promise<CisResponse<undefined>>;
  getClient(token: Token, clientId: string): Promise<CisResponse<Client>>;
  updateClient(token: Token, clientId: string, body: ClientUpdateInput): Promise<CisResponse<Client>>;
  deleteClient(token: Token, clientId: string): Promise<CisResponse<undefined>>;
  updateClientResources(token: Token, clientId: string, resourceIds: readonly string[]): Promise<CisResponse<Client>>;
  listConsents(token: Token, filter?: { clientId?: string; userId?: string }): Promise<CisResponse<Consent[]>>;
  getConsent(token: Token, consentId: string): Promise<CisResponse<Consent>>;
  /** Success is any 2xx, its body an observation (decisions.md #23), hence `unknown`. */
  deleteUserConsents(
    token: Token,
    clientId: string,
    userId: string,
    options?: { consentId?: string },
  ): Promise<CisResponse<unknown>>;
  listAppConsents(
    token: Token,
    filter: { appId: string; clientId?: string; userId?: string },
  ): Promise<CisResponse<ConsentWithClientName[]>>;
  deleteClientConsents(
    token: Token,
    clientId: string,
    userId: string,
    options: { appId: string; consentId?: string },
  ): Promise<CisResponse<unknown>>;
  listMyConsents(userToken: Token): Promise<CisResponse<Consent[]>>;
  revokeMyConsent(userToken: Token, clientId: string, options?: { consentId?: string }): Promise<CisResponse<unknown>>;
}

interface CallSpec {
  readonly token: Token;
  readonly params?: Readonly<Record<string, string>>;
  readonly query?: Readonly<Record<string, string | undefined>>;
  readonly body?: unknown;
}

/** Drops undefined query values so that a stub or a log sees exactly the parameters sent. */
function definedOnly(query: Readonly<Record<string, string | undefined>>): Record<string, string> | undefined {
  const entries = Object.entries(query).filter((entry): entry is [string, string] => entry[1] !== undefined);
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

/** A typed client for the 14 operations over any transport. Path ids are URI-encoded; `result` is unwrapped. */
export function createCisClient(send: Send): CisClient {
  async function call<T>(name: CisOperationName, spec: CallSpec): Promise<CisResponse<T>> {
    const operation = CIS_OPERATIONS[name];
    const query = spec.query ? definedOnly(spec.query) : undefined;
    const request: SendRequest = {
      method: operation.method,
      path: fillPath(operation.path, spec.params),
      token: spec.token,
      operation: operation.key,
      ...(query ? { query } : {}),
      ...(spec.body !== undefined ? { body: spec.body } : {}),
    };
    return toCisResponse<T>(await send(request));
  }

  return {
    createClient: (token, body) => call('createClient', { token, body }),
    listClients: (token) => call('listClients', { token }),
    deleteAllClients: (token) => call('deleteAllClients', { token }),
    getClient: (token, clientId) => call('getClient', { token, params: { clientId } }),
    updateClient: (token, clientId, body) => call('updateClient', { token, params: { clientId }, body }),
    deleteClient: (token, clientId) => call('deleteClient', { token, params: { clientId } }),
    updateClientResources: (token, clientId, resourceIds) =>
      call('updateClientResources', { token, params: { clientId }, body: { resource_ids: [...resourceIds] } }),
    listConsents: (token, filter = {}) =>
      call('listConsents', { token, query: { client_id: filter.clientId, user_id: filter.userId } }),
    getConsent: (token, consentId) => call('getConsent', { token, params: { consentId } }),
    deleteUserConsents: (token, clientId, userId, options = {}) =>
      call('deleteUserConsents', { token, params: { clientId, userId }, query: { consent_id: options.consentId } }),
    listAppConsents: (token, filter) =>
      call('listAppConsents', {
        token,
        query: { app_id: filter.appId, client_id: filter.clientId, user_id: filter.userId },
      }),
    deleteClientConsents: (token, clientId, userId, options) =>
      call('deleteClientConsents', {
        token,
        params: { clientId, userId },
        query: { app_id: options.appId, consent_id: options.consentId },
      }),
    listMyConsents: (userToken) => call('listMyConsents', { token: userToken }),
    revokeMyConsent: (userToken, clientId, options = {}) =>
      call('revokeMyConsent', { token: userToken, params: { clientId }, query: { consent_id: options.consentId } }),
  };
}
