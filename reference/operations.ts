import type { TokenType } from './auth/principal.js';

/** One of the 14 operations: its route and who may call it (docs/facts.md §2–§3, decisions #9 and #11). */
export interface OperationPolicy {
  /** The catalog's operation key (ARCHITECTURE.md "Naming"). */
  readonly key: OperationKey;
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** fastify route syntax. */
  readonly url: string;
  readonly tokenTypes: readonly TokenType[];
  /** Any-of (decisions #11); `[appId]` stands for the token's own app. Empty: no permission needed. */
  readonly permissions: readonly string[];
}

export type OperationKey =
  | 'CLIENTS-CREATE'
  | 'CLIENTS-LIST'
  | 'CLIENTS-DELETE-ALL'
  | 'CLIENTS-GET'
  | 'CLIENTS-UPDATE'
  | 'CLIENTS-DELETE'
  | 'CLIENTS-RESOURCES'
  | 'CONSENTS-LIST'
  | 'CONSENTS-GET'
  | 'CONSENTS-DELETE-USER'
  | 'MANAGE-CONSENTS-LIST'
  | 'MANAGE-CONSENTS-DELETE'
  | 'ME-CONSENTS-LIST'
  | 'ME-CONSENTS-REVOKE';

const READ = ['apps:read', '[appId]:read'];
const WRITE = ['apps:create', '[appId]:create', 'apps:edit', '[appId]:edit'];
const REMOVE = [...WRITE, 'apps:delete', '[appId]:delete'];
const CONSENTS_READ = [...READ, 'consents:read'];
const CONSENTS_DELETE = ['apps:delete', '[appId]:delete', 'consents:delete'];

const CLIENT: readonly TokenType[] = ['client'];
/** Decisions #9: the manage endpoints take an explicit app_id and also accept admin tokens (observation). */
const CLIENT_OR_ADMIN: readonly TokenType[] = ['client', 'admin'];
const USER: readonly TokenType[] = ['user'];

export const OPERATIONS: readonly OperationPolicy[] = [
  { key: 'CLIENTS-CREATE', method: 'POST', url: '/v1/clients', tokenTypes: CLIENT, permissions: WRITE },
  { key: 'CLIENTS-LIST', method: 'GET', url: '/v1/clients', tokenTypes: CLIENT, permissions: READ },
  { key: 'CLIENTS-DELETE-ALL', method: 'DELETE', url: '/v1/clients', tokenTypes: CLIENT, permissions: REMOVE },
  { key: 'CLIENTS-GET', method: 'GET', url: '/v1/clients/:clientId', tokenTypes: CLIENT, permissions: READ },
  { key: 'CLIENTS-UPDATE', method: 'PUT', url: '/v1/clients/:clientId', tokenTypes: CLIENT, permissions: WRITE },
  { key: 'CLIENTS-DELETE', method: 'DELETE', url: '/v1/clients/:clientId', tokenTypes: CLIENT, permissions: REMOVE },
  {
    key: 'CLIENTS-RESOURCES',
    method: 'PUT',
    url: '/v1/clients/:clientId/resources',
    tokenTypes: CLIENT,
    permissions: WRITE,
  },
  { key: 'CONSENTS-LIST', method: 'GET', url: '/v1/consents', tokenTypes: CLIENT, permissions: CONSENTS_READ },
  {
    key: 'CONSENTS-GET',
    method: 'GET',
    url: '/v1/consents/:consentId',
    tokenTypes: CLIENT,
    permissions: CONSENTS_READ,
  },
  {
    key: 'CONSENTS-DELETE-USER',
    method: 'DELETE',
    url: '/v1/consents/clients/:clientId/users/:userId',
    tokenTypes: CLIENT,
    permissions: CONSENTS_DELETE,
  },
  {
    key: 'MANAGE-CONSENTS-LIST',
    method: 'GET',
    url: '/v1/manage/consents',
    tokenTypes: CLIENT_OR_ADMIN,
    permissions: CONSENTS_READ,
  },
  {
    key: 'MANAGE-CONSENTS-DELETE',
    method: 'DELETE',
    url: '/v1/manage/consents/clients/:clientId/users/:userId',
    tokenTypes: CLIENT_OR_ADMIN,
    permissions: CONSENTS_DELETE,
  },
  { key: 'ME-CONSENTS-LIST', method: 'GET', url: '/v1/consents/me', tokenTypes: USER, permissions: [] },
  {
    key: 'ME-CONSENTS-REVOKE',
    method: 'DELETE',
    url: '/v1/consents/me/clients/:clientId',
    tokenTypes: USER,
    permissions: [],
  },
];
