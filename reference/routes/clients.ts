import { knownPart, newClient, protocolOf, updatedClient } from '../clients/clientRecord.js';
import { badRequest, conflict, notFound } from '../errors.js';
import { isVisible, type Scope } from '../scope.js';
import type { ClientRecord } from '../store/types.js';
import { bodyObject, type HandlerDeps, type HandlerTable, type OperationCall } from './operationCall.js';

type ClientsKey =
  | 'CLIENTS-CREATE'
  | 'CLIENTS-LIST'
  | 'CLIENTS-DELETE-ALL'
  | 'CLIENTS-GET'
  | 'CLIENTS-UPDATE'
  | 'CLIENTS-DELETE'
  | 'CLIENTS-RESOURCES';

const CREATE_SCHEMA = {
  oidc: 'client-create-oidc.request.schema.json',
  saml: 'client-create-saml.request.schema.json',
};
const UPDATE_SCHEMA = {
  oidc: 'client-update-oidc.request.schema.json',
  saml: 'client-update-saml.request.schema.json',
};
const RESOURCES_SCHEMA = 'client-resources.request.schema.json';

/** The seven Clients operations (FACTS §2, decisions #13–#20), acting on the token's own app. */
export function clientHandlers(deps: HandlerDeps): HandlerTable<ClientsKey> {
  const { store, faults, validator, clock } = deps;
  const scopeOf = (call: OperationCall): Scope => ({ tenantId: call.principal.tenantId, appId: call.principal.appId });
  const appClients = (scope: Scope): ClientRecord[] => store.findClients((c) => isVisible(c, scope, faults));
  const visibleClient = (call: OperationCall): ClientRecord => {
    const id = call.params['clientId'] ?? '';
    const client = store.getClient(id);
    if (!client || !isVisible(client, scopeOf(call), faults)) throw notFound(`client ${JSON.stringify(id)} not found`);
    return client;
  };

  return {
    'CLIENTS-CREATE': (call) => {
      const body = bodyObject(call.body);
      const schema = CREATE_SCHEMA[protocolOf(body)];
      validator.assertValid(schema, call.body);
      rejectUserInfoClaimsWithSync(body);
      const scope = scopeOf(call);
      if (appClients(scope).some((c) => c.name === body['name'])) {
        throw conflict(
          `a client named ${JSON.stringify(body['name'])} already exists in this app`,
          'IDENTIFIER_IS_TAKEN',
        );
      }
      const client = newClient(knownPart(body, validator.knownFields(schema)), scope, clock());
      store.putClient(client);
      return { status: faults.isOn('create-status-200') ? 200 : 201, result: client };
    },

    'CLIENTS-LIST': (call) => ({ status: 200, result: appClients(scopeOf(call)) }),

    'CLIENTS-DELETE-ALL': (call) => {
      const clients = appClients(scopeOf(call));
      if (clients.length === 0) throw notFound('this app has no clients');
      for (const client of clients) store.deleteClient(client.client_id);
      return { status: 204 };
    },

    'CLIENTS-GET': (call) => ({ status: 200, result: visibleClient(call) }),

    'CLIENTS-UPDATE': (call) => {
      // The id is resolved before the body is validated: the stored protocol picks the update schema.
      // Renaming to a name another client has is allowed: 409 is documented for create only (FACTS §2.5).
      const client = visibleClient(call);
      const schema = UPDATE_SCHEMA[client.authentication_protocol];
      validator.assertValid(schema, call.body);
      const body = bodyObject(call.body);
      rejectUserInfoClaimsWithSync(body);
      const fields = knownPart(body, validator.knownFields(schema));
      const updated = updatedClient(client, fields, clock(), faults.isOn('put-merges-objects'));
      store.putClient(updated);
      return { status: 200, result: updated };
    },

    'CLIENTS-DELETE': (call) => {
      const client = visibleClient(call);
      if (!faults.isOn('deleted-client-readable')) store.deleteClient(client.client_id);
      return { status: 204 };
    },

    'CLIENTS-RESOURCES': (call) => {
      const client = visibleClient(call);
      validator.assertValid(RESOURCES_SCHEMA, call.body);
      const resourceIds = bodyObject(call.body)['resource_ids'];
      const updated: ClientRecord = { ...client, resources: resourceIds, updated_at: clock().toISOString() };
      store.putClient(updated);
      return { status: 200, result: updated };
    },
  };
}

/** Decisions #14 (documented): the two fields "cannot be sent together". */
function rejectUserInfoClaimsWithSync(body: Readonly<Record<string, unknown>>): void {
  if (body['default_user_info_claims'] !== undefined && body['sync_id_token_claims_to_userinfo'] === true) {
    throw badRequest('default_user_info_claims cannot be sent together with sync_id_token_claims_to_userinfo: true');
  }
}
