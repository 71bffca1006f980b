/**
 * The reference's operation table is read from schemas/openapi.yaml at start-up (reference/operations.ts). These
 * fixtures are the table and the key groups as they were declared by hand before that: the loaded ones must equal
 * them, so reading the document changed nothing the reference does.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  ALL_KEYS,
  BY_ID_KEYS,
  CLIENT_ID_KEYS,
  CLIENT_KEYS,
  CONSENT_DELETE_KEYS,
  CONSENT_KEYS,
  MANAGE_KEYS,
  ME_KEYS,
  PERMISSION_CHECKED,
  WRITE_KEYS,
} from '../../reference/operationGroups.js';
import { constantName, KEY, keyMismatch, loadOperations, OPERATIONS } from '../../reference/operations.js';
import { PACKAGE_ROOT } from './support/packageRoot.js';

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
  CLIENT_ID_KEYS: ['CLIENTS-GET', 'CLIENTS-UPDATE', 'CLIENTS-DELETE', 'CLIENTS-RESOURCES'],
  BY_ID_KEYS: [
    'CLIENTS-GET',
    'CLIENTS-UPDATE',
    'CLIENTS-DELETE',
    'CLIENTS-RESOURCES',
    'CONSENTS-GET',
    'CONSENTS-DELETE-USER',
  ],
  WRITE_KEYS: [
    'CLIENTS-CREATE',
    'CLIENTS-DELETE-ALL',
    'CLIENTS-UPDATE',
    'CLIENTS-DELETE',
    'CLIENTS-RESOURCES',
    'CONSENTS-DELETE-USER',
    'MANAGE-CONSENTS-DELETE',
  ],
};

describe('the operation table read from schemas/openapi.yaml', () => {
  it('equals the table the reference declared by hand', () => {
    expect(OPERATIONS).toEqual(HAND_TABLE);
  });

  it('gives the key groups the registries declared by hand, in table order', () => {
    const groups = { CLIENT_KEYS, CONSENT_KEYS, MANAGE_KEYS, ME_KEYS, CONSENT_DELETE_KEYS };
    expect({ ...groups, CLIENT_ID_KEYS, BY_ID_KEYS, WRITE_KEYS }).toEqual(HAND_GROUPS);
    expect(PERMISSION_CHECKED).toEqual([...CLIENT_KEYS, ...CONSENT_KEYS, ...MANAGE_KEYS]);
    expect(ALL_KEYS).toEqual(HAND_TABLE.map((operation) => operation.key));
  });
});

describe('KEY', () => {
  it('names every key of the table', () => {
    const constants: Readonly<Record<string, string>> = KEY;
    for (const { key } of OPERATIONS) expect(constants[constantName(key)]).toBe(key);
    expect(Object.keys(KEY)).toHaveLength(OPERATIONS.length);
  });

  it('tells the keys the generated table and the document disagree on (the start-up refuses them)', () => {
    expect(keyMismatch(['CLIENTS-GET', 'CLIENTS-PATCH'], ['CLIENTS-GET', 'CLIENTS-LIST'])).toEqual([
      'CLIENTS-PATCH',
      'CLIENTS-LIST',
    ]);
    expect(keyMismatch(['CLIENTS-GET'], ['CLIENTS-GET'])).toEqual([]);
  });
});

describe('loadOperations', () => {
  const roots: string[] = [];
  afterAll(() => {
    for (const root of roots) rmSync(root, { recursive: true, force: true });
  });
  const withDocument = (edit: (yaml: string) => string): string => {
    const root = mkdtempSync(join(tmpdir(), 'reference-operations-'));
    roots.push(root);
    mkdirSync(join(root, 'schemas'));
    writeFileSync(
      join(root, 'schemas', 'openapi.yaml'),
      edit(readFileSync(join(PACKAGE_ROOT, 'schemas', 'openapi.yaml'), 'utf8')),
    );
    return root;
  };

  it('refuses an operation without x-operation-key, and a key used twice', () => {
    const unkeyed = withDocument((yaml) => yaml.replace('x-operation-key: CLIENTS-LIST', ''));
    expect(() => loadOperations(unkeyed)).toThrow(/GET \/v1\/clients has no x-operation-key/);
    const twice = withDocument((yaml) =>
      yaml.replace('x-operation-key: CLIENTS-LIST', 'x-operation-key: CLIENTS-CREATE'),
    );
    expect(() => loadOperations(twice)).toThrow(/x-operation-key CLIENTS-CREATE is used twice/);
  });

  it('refuses a token scheme it cannot map to a token type', () => {
    const root = withDocument((yaml) =>
      yaml.replace(/x-token-types:\n(\s+)- ClientAccessToken/, 'x-token-types:\n$1- ApiKey'),
    );
    expect(() => loadOperations(root)).toThrow(/POST \/v1\/clients: unknown x-token-types ApiKey/);
  });
});
