import type { ChoiceSet } from '../choices.js';
import { badRequest, forbidden, notFound } from '../errors.js';
import { KEY } from '../operations.js';
import { isVisible, type Scope } from '../scope.js';
import type { ConsentRecord, ReferenceStore } from '../store/types.js';
import { queryString, type HandlerDeps, type HandlerTable, type OperationCall } from './operationCall.js';

/** The seven Consents operations (docs/facts.md §3, decisions #21–#25). Consents come only from the state hook. */
export function consentHandlers(deps: HandlerDeps): HandlerTable {
  const { store, faults, choices } = deps;
  const tokenScope = (call: OperationCall): Scope => ({
    tenantId: call.principal.tenantId,
    appId: call.principal.appId,
  });
  /**
   * `admin-tokens-accepted` (reference/choices.ts): an admin token of the tenant reaches the consents of every app
   * of it on the non-manage operations (as the manage ones let it name any app).
   */
  const tenantWide = (call: OperationCall): boolean =>
    call.principal.type === 'admin' && choices.isOnFor('admin-tokens-accepted', `${call.key}-TOKEN-ADMIN-REJECTED`);
  const visibleTo = (call: OperationCall, record: ConsentRecord): boolean =>
    tenantWide(call) ? record.tenant_id === call.principal.tenantId : isVisible(record, tokenScope(call), faults);
  const consentsIn = (scope: Scope, match: (c: ConsentRecord) => boolean, call?: OperationCall): ConsentRecord[] =>
    store.findConsents((c) => (call ? visibleTo(call, c) : isVisible(c, scope, faults)) && match(c));
  /** Decisions #22: `client_id` and `user_id` filter, alone or together. */
  const filtersOf = (call: OperationCall) => {
    const clientId = queryString(call.query, 'client_id');
    const userId = queryString(call.query, 'user_id');
    if (faults.isOn('consent-filters-ignored')) return () => true;
    // `filters-case-insensitive` (reference/choices.ts): ids compared whatever their letter case.
    const folded = choices.isOnFor('filters-case-insensitive', `${call.key}-FILTER-CASE-SENSITIVE`);
    const fold = (id: string): string => (folded ? id.toLowerCase() : id);
    const same = (id: string, wanted: string) => fold(id) === fold(wanted);
    return (c: ConsentRecord): boolean =>
      (clientId === undefined || same(c.client_id, clientId)) &&
      (userId === undefined || (folded ? sameUser(fold(c.user_id), fold(userId)) : sameUser(c.user_id, userId)));
  };
  /** Only under `me-revoke-soft`: consents a user revoked, hidden from /me but kept for the app (an audit trail). */
  const revokedByUser = new Set<string>();
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
    // `user-delete-all-clients` / `manage-delete-all-users`: without consent_id, the docs' literal "all of the
    // user's" (resp. "all of the client's") consents (reference/choices.ts).
    const anyClient =
      consentId === undefined && call.key === KEY.CONSENTS_DELETE_USER && choices.isOn('user-delete-all-clients');
    const anyUser =
      consentId === undefined && call.key === KEY.MANAGE_CONSENTS_DELETE && choices.isOn('manage-delete-all-users');
    return (c: ConsentRecord): boolean =>
      (anyClient || c.client_id === clientId) &&
      (anyUser || c.user_id === userId) &&
      (consentId === undefined || c.consent_id === consentId);
  };
  const deleteAll = (consents: readonly ConsentRecord[], what: string, documentedNoContent = false) => {
    const idempotent = faults.isOn('consent-no-match-200') || choices.isOn('consent-delete-idempotent');
    if (consents.length === 0 && !idempotent) throw notFound(`no consent matches ${what}`);
    if (!faults.isOn('consent-delete-no-op')) for (const consent of consents) store.deleteConsent(consent.consent_id);
    // `consent-delete-answers-body`: the deleted consents echoed where the docs say "No content" (decisions.md #30).
    if (documentedNoContent && faults.isOn('consent-delete-answers-body')) return { status: 200, result: consents };
    return { status: choices.isOn('consent-delete-204') ? 204 : 200 };
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
      if (choices.isOnFor('foreign-app-404', `${call.key}-ISOLATION-FOREIGN-APP-403`)) {
        throw notFound(`no app ${JSON.stringify(appId)}`);
      }
      throw forbidden(`a client token of app ${call.principal.appId} cannot manage the consents of app ${appId}`);
    }
    // `manage-query-tenant-id`: an undocumented ?tenant_id= chooses the tenant (decisions.md #29).
    const tenant = faults.isOn('manage-query-tenant-id') ? call.query['tenant_id'] : undefined;
    return { tenantId: typeof tenant === 'string' ? tenant : call.principal.tenantId, appId };
  };
  const withClientName = (consent: ConsentRecord) => {
    // `client-name-at-grant` (reference/choices.ts): the name the client had when the consent was granted.
    const granted = choices.isOn('client-name-at-grant')
      ? NAMES_AT_GRANT.get(store)?.get(consent.consent_id)
      : undefined;
    if (granted !== undefined) return { ...consent, client_name: granted };
    // `client-name-of-default-client`: the name looked up by app, not by the consent's client (decisions.md #30).
    const client = faults.isOn('client-name-of-default-client')
      ? store.findClients((c) => c.tenant_id === consent.tenant_id && c.app_id === consent.app_id)[0]
      : store.getClient(consent.client_id);
    const sameApp = client !== undefined && client.tenant_id === consent.tenant_id && client.app_id === consent.app_id;
    // A consent may name a client the reference never stored (the state hook does not require one): empty name.
    return { ...consent, client_name: sameApp ? client.name : '' };
  };

  /** `foreign-records-403`: another app's consent addressed by id answers 403 (reference/choices.ts). */
  const foreign403 = (call: OperationCall): boolean =>
    choices.isOnFor('foreign-records-403', `${call.key}-ISOLATION-404`);
  /** A consent as answered under the output choices: `client-name-everywhere`, `timestamps-seconds`. */
  const shown = (consent: ConsentRecord, call: OperationCall): object => {
    const named = choices.isOnFor('client-name-everywhere', `${call.key}-NO-CLIENT-NAME`)
      ? withClientName(consent)
      : consent;
    return inSeconds(named, choices);
  };

  return {
    [KEY.CONSENTS_LIST]: (call) => {
      if (faults.isOn('user-filter-500') && call.query['user_id'] !== undefined) throw new TypeError('no user index');
      const consents = page(consentsIn(tokenScope(call), filtersOf(call), call));
      return {
        status: 200,
        result: faults.isOn('consents-list-client-name')
          ? consents.map(withClientName)
          : consents.map((consent) => shown(consent, call)),
      };
    },

    [KEY.CONSENTS_GET]: (call) => {
      const id = call.params['consentId'] ?? '';
      const stored = store.getConsent(id);
      // `consent-get-cached-after-delete`: a read-through cache that deletes do not evict.
      const consent = stored ?? (faults.isOn('consent-get-cached-after-delete') ? readCache.get(id) : undefined);
      if (stored && faults.isOn('consent-get-cached-after-delete')) readCache.set(id, stored);
      if (consent && !visibleTo(call, consent) && foreign403(call)) {
        throw forbidden(`consent ${JSON.stringify(id)} belongs to another app`);
      }
      if (!consent || !visibleTo(call, consent)) throw notFound(`consent ${JSON.stringify(id)} not found`);
      return { status: 200, result: shown(consent, call) };
    },

    [KEY.CONSENTS_DELETE_USER]: (call) => {
      const userId = call.params['userId'] ?? '';
      const matched = consentsIn(tokenScope(call), pairMatch(call, userId), call);
      if (matched.length === 0 && foreign403(call) && store.findConsents(pairMatch(call, userId)).length > 0) {
        throw forbidden('the consents named belong to another app');
      }
      return deleteAll(matched, 'this client, user and consent_id', true);
    },

    [KEY.MANAGE_CONSENTS_LIST]: (call) => {
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
        result: (faults.isOn('manage-list-no-client-name') ? consents : consents.map(withClientName)).map((consent) =>
          inSeconds(consent, choices),
        ),
      };
    },

    [KEY.MANAGE_CONSENTS_DELETE]: (call) => {
      const scope = manageScope(call);
      const userId = call.params['userId'] ?? '';
      const matched = consentsIn(scope, pairMatch(call, userId));
      return deleteAll(matched, 'this client, user and consent_id in that app', true);
    },

    [KEY.ME_CONSENTS_LIST]: (call) => {
      const userId = call.principal.subject;
      const own = (c: ConsentRecord): boolean =>
        (c.user_id === userId || faults.isOn('me-leaks-other-users')) && !revokedByUser.has(c.consent_id);
      return { status: 200, result: page(consentsIn(tokenScope(call), own)).map((consent) => shown(consent, call)) };
    },

    [KEY.ME_CONSENTS_REVOKE]: (call) => {
      const userId = call.principal.subject;
      const anyUser = (c: ConsentRecord): boolean => c.client_id === call.params['clientId'];
      const match = faults.isOn('me-revokes-other-users') ? anyUser : pairMatch(call, userId);
      if (choices.isOn('me-revoke-soft')) {
        const matched = consentsIn(tokenScope(call), (c) => match(c) && !revokedByUser.has(c.consent_id));
        if (matched.length === 0 && !choices.isOn('consent-delete-idempotent'))
          throw notFound("no consent matches this client among the caller's consents");
        for (const consent of matched) revokedByUser.add(consent.consent_id);
        return { status: choices.isOn('consent-delete-204') ? 204 : 200 };
      }
      return deleteAll(consentsIn(tokenScope(call), match), "this client among the caller's consents");
    },
  };
}

const TIMESTAMPS = ['created_at', 'updated_at', 'expires_at'] as const;

/** Under `client-name-at-grant`: per store, the client's name when each consent was granted (by the state hook). */
const NAMES_AT_GRANT = new WeakMap<ReferenceStore, Map<string, string>>();

/** The state hook grants a consent: remember its client's name then, for `client-name-at-grant`. */
export function recordGrant(deps: HandlerDeps, consent: ConsentRecord): void {
  if (!deps.choices.isOn('client-name-at-grant')) return;
  const client = deps.store.getClient(consent.client_id);
  if (!client) return;
  const names = NAMES_AT_GRANT.get(deps.store) ?? new Map<string, string>();
  names.set(consent.consent_id, client.name);
  NAMES_AT_GRANT.set(deps.store, names);
}

/** `timestamps-seconds`: epoch seconds instead of the reference's milliseconds (decisions #21, reference/choices.ts). */
export function inSeconds<T extends object>(consent: T, choices: ChoiceSet): T {
  if (!choices.isOn('timestamps-seconds')) return consent;
  const record = consent as Record<string, unknown>;
  const converted: Record<string, unknown> = { ...record };
  for (const field of TIMESTAMPS) {
    const value = record[field];
    if (typeof value === 'number') converted[field] = Math.floor(value / 1000);
  }
  return converted as T;
}
