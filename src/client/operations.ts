/**
 * The 14 operations as the client names them: method name → operation key (ARCHITECTURE.md "Naming"), HTTP
 * method and path template. The client builds every request from this table, and the Pact tests use it to
 * prove that the contracts cover all 14.
 */
export interface CisOperation {
  readonly key: string;
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path template with `{name}` parameters, as in openapi.yaml. */
  readonly path: string;
}

export const CIS_OPERATIONS = {
  createClient: { key: 'CLIENTS-CREATE', method: 'POST', path: '/v1/clients' },
  listClients: { key: 'CLIENTS-LIST', method: 'GET', path: '/v1/clients' },
  deleteAllClients: { key: 'CLIENTS-DELETE-ALL', method: 'DELETE', path: '/v1/clients' },
  getClient: { key: 'CLIENTS-GET', method: 'GET', path: '/v1/clients/{clientId}' },
  updateClient: { key: 'CLIENTS-UPDATE', method: 'PUT', path: '/v1/clients/{clientId}' },
  deleteClient: { key: 'CLIENTS-DELETE', method: 'DELETE', path: '/v1/clients/{clientId}' },
  updateClientResources: { key: 'CLIENTS-RESOURCES', method: 'PUT', path: '/v1/clients/{clientId}/resources' },
  listConsents: { key: 'CONSENTS-LIST', method: 'GET', path: '/v1/consents' },
  getConsent: { key: 'CONSENTS-GET', method: 'GET', path: '/v1/consents/{consentId}' },
  deleteUserConsents: {
    key: 'CONSENTS-DELETE-USER',
    method: 'DELETE',
    path: '/v1/consents/clients/{clientId}/users/{userId}',
  },
  listAppConsents: { key: 'MANAGE-CONSENTS-LIST', method: 'GET', path: '/v1/manage/consents' },
  deleteClientConsents: {
    key: 'MANAGE-CONSENTS-DELETE',
    method: 'DELETE',
    path: '/v1/manage/consents/clients/{clientId}/users/{userId}',
  },
  listMyConsents: { key: 'ME-CONSENTS-LIST', method: 'GET', path: '/v1/consents/me' },
  revokeMyConsent: { key: 'ME-CONSENTS-REVOKE', method: 'DELETE', path: '/v1/consents/me/clients/{clientId}' },
} as const satisfies Record<string, CisOperation>;

export type CisOperationName = keyof typeof CIS_OPERATIONS;

export { fillPath } from '../http/paths.js';
