/**
 * Recipes for the seven Clients operations. The client acted on is created through the API, so these need no
 * state hook; the operation's own request always carries a valid body (a fresh name on each create).
 */
import { fillPath } from '../../src/client/index.js';
import type { AppFixture, CheckContext } from '../../src/suite/index.js';
import { OP, type OperationKey } from './operationAuth.js';
import type { OperationRecipe, PreparedOperation } from './operationRecipes.js';
import {
  CALLBACK_URI,
  createClientAsOwner,
  describeState,
  listClientsAsOwner,
  listedValues,
  readClientAsOwner,
} from './ownerAccess.js';
import { describeBody, resultOf } from './envelope.js';
import { sendWith } from './sendWith.js';

type ClientsKey = Extract<OperationKey, `CLIENTS-${string}`>;

const CLIENT = { documentedTokenType: 'client', adminTokenUnknown: true, needsStateHook: false } as const;

/**
 * A snapshot of the app's client list: the sorted values of `field`. A 2xx whose body is no list (envelope or not)
 * is not a read of the list: its snapshot does not start `status 2xx`, so it shows nothing unchanged (#45, #51).
 */
async function listSnapshot(c: CheckContext, app: AppFixture, field: string): Promise<string> {
  const res = await listClientsAsOwner(c, app);
  if (res.status >= 200 && res.status < 300 && !Array.isArray(resultOf(res))) {
    return `no list of clients (status ${res.status}, body ${describeBody(resultOf(res), 80)})`;
  }
  return `status ${res.status} ${JSON.stringify(listedValues(res, field).sort())}`;
}

/** Get, update, delete and resources act on one client of the app, created for the check. */
function onOneClient(
  key: ClientsKey,
  method: OperationRecipe['method'],
  path: string,
  spec: {
    readonly successRequirement: string;
    readonly consumedOnSuccess: boolean;
    /** The request body; undefined for get and delete. */
    readonly body?: (c: CheckContext) => unknown;
    /** Fields of the re-read client a successful request would change; undefined for read-only get. */
    readonly watched?: readonly string[];
  },
): OperationRecipe {
  return {
    ...CLIENT,
    key,
    method,
    path,
    successRequirement: spec.successRequirement,
    consumedOnSuccess: spec.consumedOnSuccess,
    mutates: spec.watched !== undefined,
    async prepare(c, app): Promise<PreparedOperation> {
      const clientId = await createClientAsOwner(c, app);
      const { watched, body } = spec;
      return {
        key,
        app,
        clientId,
        userId: c.fixtures.id('user'),
        request: (credentials) =>
          sendWith(c, credentials, { method, path: fillPath(path, { clientId }), ...(body ? { body: body(c) } : {}) }),
        snapshot: async () => (watched ? describeState(await readClientAsOwner(c, app, clientId), watched) : undefined),
      };
    },
  };
}

/** Create, list and delete-all act on the app's client list. */
function onTheList(
  key: ClientsKey,
  method: OperationRecipe['method'],
  spec: {
    readonly successRequirement: string;
    readonly consumedOnSuccess: boolean;
    /** The request body; undefined for list and delete-all. */
    readonly body?: (c: CheckContext) => unknown;
    /** The field of the listed clients a successful request would change; undefined for read-only list. */
    readonly watched?: string;
    /** Create one client first (delete-all on an app without clients is a 404, decisions.md #19). */
    readonly seeded?: boolean;
  },
): OperationRecipe {
  const path = '/v1/clients';
  return {
    ...CLIENT,
    key,
    method,
    path,
    successRequirement: spec.successRequirement,
    consumedOnSuccess: spec.consumedOnSuccess,
    mutates: spec.watched !== undefined,
    async prepare(c, app): Promise<PreparedOperation> {
      const clientId = spec.seeded ? await createClientAsOwner(c, app) : undefined;
      const { watched, body } = spec;
      return {
        key,
        app,
        ...(clientId !== undefined ? { clientId } : {}),
        userId: c.fixtures.id('user'),
        request: (credentials) => sendWith(c, credentials, { method, path, ...(body ? { body: body(c) } : {}) }),
        snapshot: async () => (watched ? listSnapshot(c, app, watched) : undefined),
      };
    },
  };
}

export const CLIENT_RECIPES: Readonly<Record<ClientsKey, OperationRecipe>> = {
  [OP.CLIENTS_CREATE]: onTheList(OP.CLIENTS_CREATE, 'POST', {
    successRequirement: 'CLIENTS-CREATE-201',
    consumedOnSuccess: false,
    body: (c) => ({ name: c.fixtures.id('client'), redirect_uris: [CALLBACK_URI] }),
    watched: 'name',
  }),
  [OP.CLIENTS_LIST]: onTheList(OP.CLIENTS_LIST, 'GET', {
    successRequirement: 'CLIENTS-LIST-200',
    consumedOnSuccess: false,
  }),
  [OP.CLIENTS_DELETE_ALL]: onTheList(OP.CLIENTS_DELETE_ALL, 'DELETE', {
    successRequirement: 'CLIENTS-DELETE-ALL-204',
    consumedOnSuccess: true,
    watched: 'client_id',
    seeded: true,
  }),
  [OP.CLIENTS_GET]: onOneClient(OP.CLIENTS_GET, 'GET', '/v1/clients/{clientId}', {
    successRequirement: 'CLIENTS-GET-200',
    consumedOnSuccess: false,
  }),
  [OP.CLIENTS_UPDATE]: onOneClient(OP.CLIENTS_UPDATE, 'PUT', '/v1/clients/{clientId}', {
    successRequirement: 'CLIENTS-UPDATE-200',
    consumedOnSuccess: false,
    body: (c) => ({ description: c.fixtures.id('updated') }),
    watched: ['name', 'description'],
  }),
  [OP.CLIENTS_DELETE]: onOneClient(OP.CLIENTS_DELETE, 'DELETE', '/v1/clients/{clientId}', {
    successRequirement: 'CLIENTS-DELETE-204',
    consumedOnSuccess: true,
    watched: ['client_id'],
  }),
  [OP.CLIENTS_RESOURCES]: onOneClient(OP.CLIENTS_RESOURCES, 'PUT', '/v1/clients/{clientId}/resources', {
    successRequirement: 'CLIENTS-RESOURCES-200',
    consumedOnSuccess: false,
    body: (c) => ({ resource_ids: [c.fixtures.id('resource')] }),
    watched: ['resources'],
  }),
};
