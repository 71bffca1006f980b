import { knownPart, newClient, protocolOf, updatedClient } from '../clients/clientRecord.js';
import { badRequest, conflict, HttpError, notFound } from '../errors.js';
import { newClientSecret } from '../ids.js';
import type { FaultSwitch } from '../faults.js';
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
    if (client && isVisible(client, scopeOf(call), faults)) return client;
    const message = `client ${JSON.stringify(id)} not found`;
    if (faults.isOn('client-not-found-400')) throw badRequest(message);
    if (faults.isOn('not-found-body-wrong')) throw new HttpError(404, [message], { error_code: 'NOT_FOUND' });
    throw notFound(message);
  };

  return {
    'CLIENTS-CREATE': (call) => {
      const body = bodyObject(call.body);
      const schema = CREATE_SCHEMA[protocolOf(body)];
      validator.assertValid(schema, asValidated(call.body, body, faults));
      if (!faults.isOn('userinfo-conflict-accepted')) rejectUserInfoClaimsWithSync(body);
      if (faults.isOn('saml-create-500') && protocolOf(body) === 'saml') throw new Error('SAML defaults missing');
      const scope = scopeOf(call);
      if (!faults.isOn('duplicate-name-accepted') && appClients(scope).some((c) => c.name === body['name'])) {
        const message = `a client named ${JSON.stringify(body['name'])} already exists in this app`;
        throw faults.isOn('conflict-body-bare')
          ? new HttpError(409, [message])
          : conflict(message, 'IDENTIFIER_IS_TAKEN');
      }
      const fields = knownPart(body, validator.knownFields(schema));
      // `create-body-app-id-honoured`: a body app_id chooses the app (decisions.md #29).
      const smuggled = faults.isOn('create-body-app-id-honoured') ? body['app_id'] : undefined;
      const created = newClient(fields, typeof smuggled === 'string' ? { ...scope, appId: smuggled } : scope, clock());
      const client = faults.isOn('defaults-not-applied') ? withoutDefaults(created, fields) : created;
      store.putClient(client);
      const answered = faults.isOn('client-secret-missing') ? { ...client, client_secret: undefined } : client;
      return { status: faults.isOn('create-status-200') ? 200 : 201, result: answered };
    },

    'CLIENTS-LIST': (call) => {
      // `clients-list-query-app-id`: the app an undocumented ?app_id= names (decisions.md #29).
      const asked = faults.isOn('clients-list-query-app-id') ? call.query['app_id'] : undefined;
      const scope = typeof asked === 'string' ? { ...scopeOf(call), appId: asked } : scopeOf(call);
      const clients = appClients(scope).map((client) => (faults.isOn('list-masks-secret') ? masked(client) : client));
      // `clients-list-capped`: a default page of 20, with no paging signal.
      return { status: 200, result: faults.isOn('clients-list-capped') ? clients.slice(0, 20) : clients };
    },

    'CLIENTS-DELETE-ALL': (call) => {
      const clients = appClients(scopeOf(call));
      if (clients.length === 0 && !faults.isOn('delete-all-empty-204')) throw notFound('this app has no clients');
      if (!faults.isOn('delete-all-no-op')) for (const client of clients) store.deleteClient(client.client_id);
      return { status: 204 };
    },

    'CLIENTS-GET': (call) => ({ status: 200, result: visibleClient(call) }),

    'CLIENTS-UPDATE': (call) => {
      // The id is resolved before the body is validated: the stored protocol picks the update schema.
      // Renaming to a name another client has is allowed: 409 is documented for create only (FACTS §2.5).
      const client = visibleClient(call);
      const schema = UPDATE_SCHEMA[client.authentication_protocol];
      const body = bodyObject(call.body);
      validator.assertValid(schema, asValidated(call.body, body, faults));
      if (!faults.isOn('userinfo-conflict-accepted')) rejectUserInfoClaimsWithSync(body);
      const fields = { ...knownPart(body, validator.knownFields(schema)), ...honouredServerFields(body, faults) };
      const base = faults.isOn('put-resets-omitted') ? rebuiltFromDefaults(client) : client;
      const changed = updatedClient(base, fields, clock(), faults.isOn('put-merges-objects'));
      const updated = faults.isOn('update-rotates-secret') ? { ...changed, client_secret: newClientSecret() } : changed;
      if (!faults.isOn('update-not-persisted')) store.putClient(updated);
      return { status: 200, result: updated };
    },

    'CLIENTS-DELETE': (call) => {
      const client = visibleClient(call);
      if (!faults.isOn('deleted-client-readable')) store.deleteClient(client.client_id);
      return { status: faults.isOn('delete-status-200') ? 200 : 204 };
    },

    'CLIENTS-RESOURCES': (call) => {
      const client = visibleClient(call);
      validator.assertValid(RESOURCES_SCHEMA, call.body);
      const sent = bodyObject(call.body)['resource_ids'] as unknown[];
      const appended = faults.isOn('resources-appended') && Array.isArray(client['resources']);
      const resourceIds = appended ? [...(client['resources'] as unknown[]), ...sent] : sent;
      const updated: ClientRecord = { ...client, resources: resourceIds, updated_at: clock().toISOString() };
      store.putClient(updated);
      return { status: 200, result: updated };
    },
  };
}

/** `update-body-server-fields-honoured`: the server-chosen fields a PUT body sends are stored (decisions.md #29). */
function honouredServerFields(body: Readonly<Record<string, unknown>>, faults: FaultSwitch): Record<string, unknown> {
  if (!faults.isOn('update-body-server-fields-honoured')) return {};
  return knownPart(body, new Set(['client_secret', 'created_at']));
}

/** `list-masks-secret`: the secret as a console would show it, its last four characters behind dots. */
function masked(client: ClientRecord): ClientRecord {
  return { ...client, client_secret: `••••••••${String(client['client_secret']).slice(-4)}` };
}

/** Decisions #14 (documented): the two fields "cannot be sent together". */
function rejectUserInfoClaimsWithSync(body: Readonly<Record<string, unknown>>): void {
  if (body['default_user_info_claims'] !== undefined && body['sync_id_token_claims_to_userinfo'] === true) {
    throw badRequest('default_user_info_claims cannot be sent together with sync_id_token_claims_to_userinfo: true');
  }
}

/** `defaults-not-applied`: the documented defaults the body left out are not stored (decisions #13). */
function withoutDefaults(client: ClientRecord, sent: Readonly<Record<string, unknown>>): ClientRecord {
  return {
    ...client,
    client_type: sent['client_type'],
    short_cookies_samesite_type: sent['short_cookies_samesite_type'],
  };
}

/** `put-resets-omitted`: the client as a fresh create would make it, keeping only its identity and secret. */
function rebuiltFromDefaults(client: ClientRecord): ClientRecord {
  const identity = { name: client.name, authentication_protocol: client.authentication_protocol };
  const scope = { tenantId: client.tenant_id, appId: client.app_id };
  const fresh = newClient(identity, scope, new Date(String(client['created_at'])), client.client_id);
  return { ...fresh, client_secret: client['client_secret'] };
}

/** What the validator sees: the body as sent, or under a validation fault the body with that fault's blind spot. */
function asValidated(raw: unknown, body: Readonly<Record<string, unknown>>, faults: FaultSwitch): unknown {
  if (raw !== body) return raw; // not an object: no fault changes how that is judged
  if (faults.isOn('scalar-strings-coerced')) coerceScalarsInPlace(body as Record<string, unknown>);
  if (faults.isOn('name-not-required')) return { name: 'unnamed', ...body };
  if (faults.isOn('enum-not-enforced')) return { ...body, client_type: undefined };
  if (faults.isOn('userinfo-conflict-accepted')) return { ...body, sync_id_token_claims_to_userinfo: undefined };
  return raw;
}

/** `scalar-strings-coerced`: what a validator with type coercion (ajv `coerceTypes`) does to the body, in place. */
const COERCED = {
  boolean: ['sync_id_token_claims_to_userinfo', 'is_third_party', 'enforce_par', 'fapi_version_compliancy'],
  number: ['consent_validity_period', 'session_expiration'],
};
function coerceScalarsInPlace(body: Record<string, unknown>): void {
  for (const field of COERCED.boolean) {
    if (body[field] === 'true' || body[field] === 'false') body[field] = body[field] === 'true';
  }
  for (const field of COERCED.number) {
    const value = body[field];
    if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) body[field] = Number(value);
  }
}
