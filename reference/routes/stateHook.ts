import type { FastifyInstance } from 'fastify';
import { badRequest } from '../errors.js';
import { newClient } from '../clients/clientRecord.js';
import { newId } from '../ids.js';
import type { ConsentRecord } from '../store/types.js';
import type { HandlerDeps } from './operationCall.js';
import { inSeconds, recordGrant } from './consents.js';
import { bodyObject } from './operationCall.js';

export const STATE_HOOK_PATH = '/__conformance/state';
const STATE_HOOK_SCHEMA = 'state-hook.request.schema.json';
/** Transmit voids a granted consent after 30 days (docs/facts.md §3, GUIDE auth_consent): the default `expires_at`. */
const CONSENT_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;

type Params = Readonly<Record<string, unknown>>;
type StateAction = (params: Params, deps: HandlerDeps) => object;

/** Provider states (docs/design.md §2.3, decisions #26), Pact's shape: `{state, params, action}`. */
const STATES: Readonly<Record<string, { setup: StateAction; teardown: StateAction }>> = {
  'an app exists': { setup: setUpApp, teardown: tearDownApp },
  'a consent exists': { setup: setUpConsent, teardown: tearDownConsent },
};

export function registerStateHook(app: FastifyInstance, deps: HandlerDeps): void {
  app.post(STATE_HOOK_PATH, async (request, reply) => {
    const body = bodyObject(request.body);
    const name = String(body['state']);
    const state = Object.hasOwn(STATES, name) ? STATES[name] : undefined;
    // The state name first: the schema's anyOf would otherwise report every state's params at once.
    if (!state)
      throw badRequest(
        `state must be one of: ${Object.keys(STATES)
          .map((s) => JSON.stringify(s))
          .join(', ')}`,
      );
    deps.validator.assertValid(STATE_HOOK_SCHEMA, request.body);
    const action = body['action'] === 'teardown' ? state.teardown : state.setup;
    return reply.code(200).send(action(bodyObject(body['params']), deps));
  });
}

function setUpApp(params: Params, { store, clock }: HandlerDeps): object {
  const tenantId = requiredParam(params, 'tenant_id');
  const appId = requiredParam(params, 'app_id');
  const appName = optionalParam(params, 'app_name') ?? store.getApp(tenantId, appId)?.app_name ?? appId;
  const clientId = optionalParam(params, 'client_id') ?? newId();
  store.putApp({ tenant_id: tenantId, app_id: appId, app_name: appName });
  const existing = store.getClient(clientId);
  if (existing && (existing.tenant_id !== tenantId || existing.app_id !== appId)) {
    throw badRequest(`params.client_id ${JSON.stringify(clientId)} already belongs to another app`);
  }
  if (!existing) {
    // The app's default client (docs/facts.md §2.1: the first client is created with the app).
    const fields = { name: `${appName} default client`, redirect_uris: [] };
    store.putClient(newClient(fields, { tenantId, appId }, clock(), clientId));
  }
  return { tenant_id: tenantId, app_id: appId, app_name: appName, client_id: clientId };
}

function tearDownApp(params: Params, { store }: HandlerDeps): object {
  const removed = store.deleteApp(requiredParam(params, 'tenant_id'), requiredParam(params, 'app_id'));
  return { removed };
}

function setUpConsent(params: Params, deps: HandlerDeps): object {
  const { store, clock } = deps;
  const now = clock().getTime();
  const consentId = optionalParam(params, 'consent_id') ?? newId();
  const expiresAt = params['expires_at'];
  if (expiresAt !== undefined && (typeof expiresAt !== 'number' || !Number.isFinite(expiresAt))) {
    throw badRequest('params.expires_at must be a number (epoch milliseconds)');
  }
  const consent: ConsentRecord = {
    consent_id: consentId,
    tenant_id: requiredParam(params, 'tenant_id'),
    app_id: requiredParam(params, 'app_id'),
    client_id: requiredParam(params, 'client_id'),
    user_id: requiredParam(params, 'user_id'),
    scope: requiredParam(params, 'scope', true),
    created_at: now,
    updated_at: now,
    expires_at: expiresAt ?? now + CONSENT_LIFETIME_MS,
  };
  const existing = store.getConsent(consentId);
  if (existing && (existing.tenant_id !== consent.tenant_id || existing.app_id !== consent.app_id)) {
    throw badRequest(`params.consent_id ${JSON.stringify(consentId)} already belongs to another app`);
  }
  store.putConsent(existing ? { ...consent, created_at: existing.created_at } : consent);
  if (!existing) recordGrant(deps, consent);
  // The consent as the API answers it (its timestamps in the unit the choices pick).
  return inSeconds(store.getConsent(consentId)!, deps.choices);
}

/** Deletes the consent named by `consent_id`, or else every consent matching the setup params. */
function tearDownConsent(params: Params, { store }: HandlerDeps): object {
  const tenantId = requiredParam(params, 'tenant_id');
  const appId = requiredParam(params, 'app_id');
  const consentId = optionalParam(params, 'consent_id');
  const matching = store.findConsents(
    (c) =>
      c.tenant_id === tenantId &&
      c.app_id === appId &&
      (consentId !== undefined
        ? c.consent_id === consentId
        : c.client_id === params['client_id'] && c.user_id === params['user_id'] && c.scope === params['scope']),
  );
  for (const consent of matching) store.deleteConsent(consent.consent_id);
  return { removed: matching.length };
}

function requiredParam(params: Params, name: string, allowEmpty = false): string {
  const value = params[name];
  if (typeof value !== 'string' || (!allowEmpty && value === '')) {
    throw badRequest(`params.${name} is required (a ${allowEmpty ? '' : 'non-empty '}string)`);
  }
  return value;
}

function optionalParam(params: Params, name: string): string | undefined {
  const value = params[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value === '') throw badRequest(`params.${name} must be a non-empty string`);
  return value;
}
