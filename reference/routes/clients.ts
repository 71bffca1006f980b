import { knownPart, newClient, protocolOf, updatedClient } from '../clients/clientRecord.js';
import type { ChoiceSet } from '../choices.js';
import { badRequest, conflict, forbidden, HttpError, notFound } from '../errors.js';
import { newClientSecret } from '../ids.js';
import type { FaultSwitch } from '../faults.js';
import { KEY } from '../operations.js';
import { isVisible, type Scope } from '../scope.js';
import type { ClientRecord } from '../store/types.js';
import { bodyObject, type HandlerDeps, type HandlerTable, type OperationCall } from './operationCall.js';

const CREATE_SCHEMA = {
  oidc: 'client-create-oidc.request.schema.json',
  saml: 'client-create-saml.request.schema.json',
};
const UPDATE_SCHEMA = {
  oidc: 'client-update-oidc.request.schema.json',
  saml: 'client-update-saml.request.schema.json',
};
const RESOURCES_SCHEMA = 'client-resources.request.schema.json';

/** The seven Clients operations (docs/facts.md §2, decisions #13–#20), acting on the token's own app. */
export function clientHandlers(deps: HandlerDeps): HandlerTable {
  const { store, faults, choices, validator, clock } = deps;
  const scopeOf = (call: OperationCall): Scope => ({ tenantId: call.principal.tenantId, appId: call.principal.appId });
  const appClients = (scope: Scope): ClientRecord[] => store.findClients((c) => isVisible(c, scope, faults));
  const visibleClient = (call: OperationCall): ClientRecord => {
    const id = call.params['clientId'] ?? '';
    if (choices.isOnFor('odd-ids-400', `${call.key}-ODD-ID-404`) && !/^[A-Za-z0-9_-]{1,128}$/.test(id)) {
      throw badRequest(`clientId ${JSON.stringify(id.slice(0, 40))} is not a client id`);
    }
    const client = store.getClient(id);
    if (client && isVisible(client, scopeOf(call), faults)) return client;
    if (client && choices.isOnFor('foreign-records-403', `${call.key}-ISOLATION-404`)) {
      throw forbidden(`client ${JSON.stringify(id)} belongs to another app`);
    }
    const message = `client ${JSON.stringify(id)} not found`;
    if (faults.isOn('client-not-found-400')) throw badRequest(message);
    if (faults.isOn('not-found-body-wrong')) throw new HttpError(404, [message], { error_code: 'NOT_FOUND' });
    throw notFound(message);
  };

  return {
    [KEY.CLIENTS_CREATE]: (call) => {
      const body = bodyObject(call.body);
      const schema = CREATE_SCHEMA[protocolOf(body)];
      validator.assertValid(schema, asValidated(call.body, body, faults, choices));
      // `create-body-app-id-honoured`: the implementation reads app_id, so it is no unknown field to it.
      const honoured = faults.isOn('create-body-app-id-honoured') ? ['app_id'] : [];
      rejectUnknownFields(body, validator.knownFields(schema), choices, honoured);
      if (!faults.isOn('userinfo-conflict-accepted')) rejectUserInfoClaimsWithSync(body);
      if (faults.isOn('saml-create-500') && protocolOf(body) === 'saml') throw new Error('SAML defaults missing');
      const scope = scopeOf(call);
      const unique = !faults.isOn('duplicate-name-accepted') && !choices.isOn('duplicate-names-allowed');
      if (unique && appClients(scope).some((c) => c.name === body['name'])) {
        const message = `a client named ${JSON.stringify(body['name'])} already exists in this app`;
        throw faults.isOn('conflict-body-bare')
          ? new HttpError(409, [message])
          : conflict(message, 'IDENTIFIER_IS_TAKEN');
      }
      const fields = storedCreateFields(knownPart(body, validator.knownFields(schema)), validator, choices);
      // `create-body-app-id-honoured`: a body app_id chooses the app (decisions.md #29).
      const smuggled = faults.isOn('create-body-app-id-honoured') ? body['app_id'] : undefined;
      const created = newClient(fields, typeof smuggled === 'string' ? { ...scope, appId: smuggled } : scope, clock());
      const client = faults.isOn('defaults-not-applied') ? withoutDefaults(created, fields) : created;
      store.putClient(client);
      const answered = faults.isOn('client-secret-missing') ? { ...client, client_secret: undefined } : client;
      return { status: faults.isOn('create-status-200') ? 200 : 201, result: shown(answered, choices, true) };
    },

    [KEY.CLIENTS_LIST]: (call) => {
      // `clients-list-query-app-id`: the app an undocumented ?app_id= names (decisions.md #29).
      const asked = faults.isOn('clients-list-query-app-id') ? call.query['app_id'] : undefined;
      const scope = typeof asked === 'string' ? { ...scopeOf(call), appId: asked } : scopeOf(call);
      const clients = appClients(scope).map((client) => (faults.isOn('list-masks-secret') ? masked(client) : client));
      // `clients-list-capped`: a default page of 20, with no paging signal.
      const listed = faults.isOn('clients-list-capped') ? clients.slice(0, 20) : clients;
      return { status: 200, result: listed.map((client) => shown(client, choices)) };
    },

    [KEY.CLIENTS_DELETE_ALL]: (call) => {
      const clients = appClients(scopeOf(call));
      const idempotent = faults.isOn('delete-all-empty-204') || choices.isOn('delete-all-idempotent');
      if (clients.length === 0 && !idempotent) throw notFound('this app has no clients');
      if (!faults.isOn('delete-all-no-op')) for (const client of clients) store.deleteClient(client.client_id);
      return { status: 204 };
    },

    [KEY.CLIENTS_GET]: (call) => ({ status: 200, result: shown(visibleClient(call), choices) }),

    [KEY.CLIENTS_UPDATE]: (call) => {
      // The id is resolved before the body is validated: the stored protocol picks the update schema.
      // Renaming to a name another client has is allowed: 409 is documented for create only (docs/facts.md §2.5).
      const client = visibleClient(call);
      const schema = UPDATE_SCHEMA[client.authentication_protocol];
      const body = bodyObject(call.body);
      validator.assertValid(schema, asValidated(call.body, body, faults, choices, true));
      rejectUnknownFields(
        body,
        validator.knownFields(schema),
        choices,
        Object.keys(honouredServerFields(body, faults)),
      );
      const conflictAllowed =
        faults.isOn('userinfo-conflict-accepted') || choices.isOn('userinfo-conflict-create-only');
      if (!conflictAllowed) rejectUserInfoClaimsWithSync(body);
      const fields = { ...knownPart(body, validator.knownFields(schema)), ...honouredServerFields(body, faults) };
      const replaced = faults.isOn('put-resets-omitted') || choices.isOn('put-replaces');
      const base = replaced ? rebuiltFromDefaults(client) : client;
      // `put-merges-objects`: object fields merged into the stored client's (under `put-replaces` too).
      const changed = updatedClient(base, fields, clock(), faults.isOn('put-merges-objects') ? client : undefined);
      const updated = faults.isOn('update-rotates-secret') ? { ...changed, client_secret: newClientSecret() } : changed;
      if (!faults.isOn('update-not-persisted')) store.putClient(updated);
      if (choices.isOn('put-answers-204')) return { status: 204 };
      return { status: 200, result: shown(updated, choices) };
    },

    [KEY.CLIENTS_DELETE]: (call) => {
      const client = visibleClient(call);
      if (choices.isOn('last-client-kept') && appClients(scopeOf(call)).length === 1) {
        throw conflict(`client ${JSON.stringify(client.client_id)} is the app's last client`, 'LAST_CLIENT');
      }
      if (!faults.isOn('deleted-client-readable')) store.deleteClient(client.client_id);
      return { status: faults.isOn('delete-status-200') || choices.isOn('client-delete-200') ? 200 : 204 };
    },

    [KEY.CLIENTS_RESOURCES]: (call) => {
      const client = visibleClient(call);
      validator.assertValid(RESOURCES_SCHEMA, call.body);
      rejectUnknownFields(bodyObject(call.body), validator.knownFields(RESOURCES_SCHEMA), choices);
      const sent = bodyObject(call.body)['resource_ids'] as unknown[];
      const append = faults.isOn('resources-appended') || choices.isOn('resources-appended');
      const appended = append && Array.isArray(client['resources']);
      const resourceIds = appended ? [...(client['resources'] as unknown[]), ...sent] : sent;
      const updated: ClientRecord = { ...client, resources: resourceIds, updated_at: clock().toISOString() };
      store.putClient(updated);
      if (choices.isOn('put-answers-204')) return { status: 204 };
      return { status: 200, result: shown(updated, choices) };
    },
  };
}

/**
 * A client as answered under the output choices (reference/choices.ts): `device-authorization-bare` leaves the
 * mirror-only URIs out, `secret-only-on-create` the secret out of every answer but the create's.
 */
function shown(client: ClientRecord, choices: ChoiceSet, created = false): ClientRecord {
  let answered = client;
  const device = client['device_authorization'];
  if (choices.isOn('device-authorization-bare') && device !== null && typeof device === 'object') {
    answered = {
      ...answered,
      device_authorization: { enabled: (device as Record<string, unknown>)['enabled'] ?? false },
    };
  }
  if (choices.isOn('secret-only-on-create') && !created) answered = { ...answered, client_secret: undefined };
  return answered;
}

/** `unknown-fields-rejected`: a body field the request schema does not declare is a 400 naming it. */
function rejectUnknownFields(
  body: Readonly<Record<string, unknown>>,
  known: ReadonlySet<string>,
  choices: ChoiceSet,
  read: readonly string[] = [],
): void {
  if (!choices.isOn('unknown-fields-rejected')) return;
  const unknown = Object.keys(body).filter((field) => !known.has(field) && !read.includes(field));
  if (unknown.length > 0) throw badRequest(...unknown.map((field) => `property ${field} should not exist`));
}

/**
 * The create fields stored: `input-only-fields-dropped` keeps only those the output schema of the protocol
 * declares; `response-types-code` defaults response_types to ["code"].
 */
function storedCreateFields(
  fields: Record<string, unknown>,
  validator: HandlerDeps['validator'],
  choices: ChoiceSet,
): Record<string, unknown> {
  const protocol = protocolOf(fields);
  let stored = fields;
  if (choices.isOn('input-only-fields-dropped')) {
    stored = knownPart(fields, validator.knownFields(OUTPUT_SCHEMA[protocol]));
  }
  if (choices.isOn('response-types-code') && protocol === 'oidc' && stored['response_types'] === undefined) {
    stored = { ...stored, response_types: ['code'] };
  }
  return stored;
}

const OUTPUT_SCHEMA = { oidc: 'client-oidc.schema.json', saml: 'client-saml.schema.json' };

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
function asValidated(
  raw: unknown,
  body: Readonly<Record<string, unknown>>,
  faults: FaultSwitch,
  choices: ChoiceSet,
  update = false,
): unknown {
  if (raw !== body) return raw; // not an object: no fault or choice changes how that is judged
  const seen = faultView(raw, body, faults) as Readonly<Record<string, unknown>>;
  // Choices (reference/choices.ts): a SAML create without sp_entity_id passes; the userinfo conflict only on create.
  if (choices.isOn('saml-entity-id-optional') && !update && protocolOf(body) === 'saml')
    return { sp_entity_id: 'unset', ...seen };
  if (choices.isOn('userinfo-conflict-create-only') && update)
    return { ...seen, sync_id_token_claims_to_userinfo: undefined };
  return seen;
}

function faultView(raw: unknown, body: Readonly<Record<string, unknown>>, faults: FaultSwitch): unknown {
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
