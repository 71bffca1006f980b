/**
 * The reference's operation table is read from schemas/openapi.yaml at start-up (reference/operations.ts). These
 * fixtures are the table and the key groups as they were declared by hand before that: the loaded ones must equal
 * them, so reading the document changed nothing the reference does.
 */
import { describe, expect, it } from 'vitest';
import {
  ALL_KEYS,
  CLIENT_KEYS,
  CONSENT_DELETE_KEYS,
  CONSENT_KEYS,
  MANAGE_KEYS,
  ME_KEYS,
  PERMISSION_CHECKED,
} from '../../reference/operationGroups.js';
import { OPERATIONS } from '../../reference/operations.js';

const READ = ['apps:read', '[appId]:read'];
const WRITE = ['apps:create', '[appId]:create', 'apps:edit', '[appId]:edit'];
const REMOVE = [...WRITE, 'apps:delete', '[appId]:delete'];
const CONSENTS_READ = [...READ, 'consents:read'];
const CONSENTS_DELETE = ['apps:delete', '[appId]:delete', 'consents:delete'];
const CLIENT = ['client'];
const CLIENT_OR_ADMIN = ['client', 'admin'];
const USER = ['user'];

const HAND_TABLE = [
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

const HAND_GROUPS = {
  CLIENT_KEYS: [
    'CLIENTS-CREATE',
    'CLIENTS-LIST',
    'CLIENTS-DELETE-ALL',
    'CLIENTS-GET',
    'CLIENTS-UPDATE',
    'CLIENTS-DELETE',
    'CLIENTS-RESOURCES',
  ],
  CONSENT_KEYS: ['CONSENTS-LIST', 'CONSENTS-GET', 'CONSENTS-DELETE-USER'],
  MANAGE_KEYS: ['MANAGE-CONSENTS-LIST', 'MANAGE-CONSENTS-DELETE'],
  ME_KEYS: ['ME-CONSENTS-LIST', 'ME-CONSENTS-REVOKE'],
  CONSENT_DELETE_KEYS: ['CONSENTS-DELETE-USER', 'MANAGE-CONSENTS-DELETE', 'ME-CONSENTS-REVOKE'],
};

describe('the operation table read from schemas/openapi.yaml', () => {
  it('equals the table the reference declared by hand', () => {
    expect(OPERATIONS).toEqual(HAND_TABLE);
  });

  it('gives the key groups the registries declared by hand, in table order', () => {
    expect({ CLIENT_KEYS, CONSENT_KEYS, MANAGE_KEYS, ME_KEYS, CONSENT_DELETE_KEYS }).toEqual(HAND_GROUPS);
    expect(PERMISSION_CHECKED).toEqual([...CLIENT_KEYS, ...CONSENT_KEYS, ...MANAGE_KEYS]);
    expect(ALL_KEYS).toEqual(HAND_TABLE.map((operation) => operation.key));
  });
});
