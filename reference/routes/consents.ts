import { badRequest, forbidden, notFound } from '../errors.js';
import { isVisible, type Scope } from '../scope.js';
import type { ConsentRecord } from '../store/types.js';
import { queryString, type HandlerDeps, type HandlerTable, type OperationCall } from './operationCall.js';

type ConsentsKey =
  | 'CONSENTS-LIST'
  | 'CONSENTS-GET'
  | 'CONSENTS-DELETE-USER'
  | 'MANAGE-CONSENTS-LIST'
  | 'MANAGE-CONSENTS-DELETE'
  | 'ME-CONSENTS-LIST'
  | 'ME-CONSENTS-REVOKE';

/** The seven Consents operations (FACTS §3, decisions #21–#25). Consents come only from the state hook. */
export function consentHandlers(deps: HandlerDeps): HandlerTable<ConsentsKey> {
  const { store, faults } = deps;
  const tokenScope = (call: OperationCall): Scope => ({
    tenantId: call.principal.tenantId,
    appId: call.principal.appId,
  });
  const consentsIn = (scope: Scope, match: (c: ConsentRecord) => boolean): ConsentRecord[] =>
    store.findConsents((c) => isVisible(c, scope, faults) && match(c));
  /** Decisions #22: `client_id` and `user_id` filter, alone or together. */
  const filtersOf = (call: OperationCall) => {
    const clientId = queryString(call.query, 'client_id');
    const userId = queryString(call.query, 'user_id');
    if (faults.isOn('consent-filters-ignored')) return () => true;
    return (c: ConsentRecord): boolean =>
      (clientId === undefined || c.client_id === clientId) && (userId === undefined || sameUser(c.user_id, userId));
  };
  /** How the `user_id` filter compares ids: exactly, unless a filter fault is on. */
  const sameUser = (id: string, wanted: string): boolean => {
    if (faults.isOn('user-filter-prefix')) return id.startsWith(wanted);
    if (faults.isOn('user-filter-case-insensitive')) return id.toLowerCase() === wanted.toLowerCase();
    return id === wanted;
  };
  /** `consent-lists-capped`: every consent list answers a default page of 20, with no paging signal. */
  const page = (consents: ConsentRecord[]): ConsentRecord[] =>
    faults.isOn('consent-lists-capped') ? consents.slice(0, 20) : consents;
  /** Only under `consent-get-cached-after-delete`: every consent read by id, never evicted. */
  const readCache = new Map<string, ConsentRecord>();
  /** Only under `manage-list-stale-after-delete`: the last manage list answered per query. */
  const manageCache = new Map<string, ConsentRecord[]>();
  /**
   * Decisions #23–#25: the consents of user u for client c, or just the one `consent_id` if given. The manage
   * delete uses the same pair ("the same within app A", #24), so another user's consents for c are kept.
   */
  const pairMatch = (call: OperationCall, userId: string) => {
    const clientId = call.params['clientId'];
    const consentId = faults.isOn('consent-id-ignored') ? undefined : queryString(call.query, 'consent_id');
    return (c: ConsentRecord): boolean =>
      c.client_id === clientId && c.user_id === userId && (consentId === undefined || c.consent_id === consentId);
  };
  const deleteAll = (consents: readonly ConsentRecord[], what: string, documentedNoContent = false) => {
    if (consents.length === 0 && !faults.isOn('consent-no-match-200')) throw notFound(`no consent matches ${what}`);
    if (!faults.isOn('consent-delete-no-op')) for (const consent of consents) store.deleteConsent(consent.consent_id);
    // `consent-delete-answers-body`: the deleted consents echoed where the docs say "No content" (decisions.md #30).
    if (documentedNoContent && faults.isOn('consent-delete-answers-body')) return { status: 200, result: consents };
    return { status: 200 };
  };
  /**
   * Decisions #12, #22: `app_id` is required; a client token may name only its own app (403 otherwise), an
   * admin token any app of its tenant.
   */
  const manageScope = (call: OperationCall): Scope => {
    const appId =
      queryString(call.query, 'app_id') ?? (faults.isOn('manage-app-id-optional') ? call.principal.appId : undefined);
    if (appId === undefined || appId === '') throw badRequest('app_id is required');
    if (call.principal.type !== 'admin' && appId !== call.principal.appId) {
      throw forbidden(`a client token of app ${call.principal.appId} cannot manage the consents of app ${appId}`);
    }
    // `manage-query-tenant-id`: an undocumented ?tenant_id= chooses the tenant (decisions.md #29).
    const tenant = faults.isOn('manage-query-tenant-id') ? call.query['tenant_id'] : undefined;
    return { tenantId: typeof tenant === 'string' ? tenant : call.principal.tenantId, appId };
  };
  const withClientName = (consent: ConsentRecord) => {
    // `client-name-of-default-client`: the name looked up by app, not by the consent's client (decisions.md #30).
    const client = faults.isOn('client-name-of-default-client')
      ? store.findClients((c) => c.tenant_id === consent.tenant_id && c.app_id === consent.app_id)[0]
      : store.getClient(consent.client_id);
    const sameApp = client !== undefined && client.tenant_id === consent.tenant_id && client.app_id === consent.app_id;
    // A consent may name a client the reference never stored (the state hook does not require one): empty name.
    return { ...consent, client_name: sameApp ? client.name : '' };
  };

  return {
    'CONSENTS-LIST': (call) => {
      if (faults.isOn('user-filter-500') && call.query['user_id'] !== undefined) throw new TypeError('no user index');
      const consents = page(consentsIn(tokenScope(call), filtersOf(call)));
      return {
        status: 200,
        result: faults.isOn('consents-list-client-name') ? consents.map(withClientName) : consents,
      };
    },

    'CONSENTS-GET': (call) => {
      const id = call.params['consentId'] ?? '';
      const stored = store.getConsent(id);
      // `consent-get-cached-after-delete`: a read-through cache that deletes do not evict.
      const consent = stored ?? (faults.isOn('consent-get-cached-after-delete') ? readCache.get(id) : undefined);
      if (stored && faults.isOn('consent-get-cached-after-delete')) readCache.set(id, stored);
      if (!consent || !isVisible(consent, tokenScope(call), faults))
        throw notFound(`consent ${JSON.stringify(id)} not found`);
      return { status: 200, result: consent };
    },

    'CONSENTS-DELETE-USER': (call) => {
      const userId = call.params['userId'] ?? '';
      return deleteAll(consentsIn(tokenScope(call), pairMatch(call, userId)), 'this client, user and consent_id', true);
    },

    'MANAGE-CONSENTS-LIST': (call) => {
      const scope = manageScope(call);
      const fresh = page(consentsIn(scope, filtersOf(call)));
      // `manage-list-stale-after-delete`: a cache per query that is refreshed when a consent appears, not when
      // one goes.
      const key = JSON.stringify([scope, call.query]);
      const cached = faults.isOn('manage-list-stale-after-delete') ? manageCache.get(key) : undefined;
      const appeared = fresh.some((c) => !cached?.some((old) => old.consent_id === c.consent_id));
      const consents = cached && !appeared ? cached : fresh;
      if (faults.isOn('manage-list-stale-after-delete')) manageCache.set(key, consents);
      return {
        status: 200,
        result: faults.isOn('manage-list-no-client-name') ? consents : consents.map(withClientName),
      };
    },

    'MANAGE-CONSENTS-DELETE': (call) => {
      const scope = manageScope(call);
      const userId = call.params['userId'] ?? '';
      const matched = consentsIn(scope, pairMatch(call, userId));
      return deleteAll(matched, 'this client, user and consent_id in that app', true);
    },

    'ME-CONSENTS-LIST': (call) => {
      const userId = call.principal.subject;
      const own = (c: ConsentRecord): boolean => c.user_id === userId || faults.isOn('me-leaks-other-users');
      return { status: 200, result: page(consentsIn(tokenScope(call), own)) };
    },

    'ME-CONSENTS-REVOKE': (call) => {
      const userId = call.principal.subject;
      const anyUser = (c: ConsentRecord): boolean => c.client_id === call.params['clientId'];
      const match = faults.isOn('me-revokes-other-users') ? anyUser : pairMatch(call, userId);
      return deleteAll(consentsIn(tokenScope(call), match), "this client among the caller's consents");
    },
  };
}
