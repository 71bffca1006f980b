import type { AppRecord, ClientRecord, ConsentRecord, ReferenceStore } from './types.js';

/**
 * In-memory store. Records are deep-copied and frozen on the way in, so nothing a request body still references
 * can change stored data afterwards, and readers can hand records out without copying.
 */
export function createMemoryStore(): ReferenceStore {
  const apps = new Map<string, AppRecord>();
  const clients = new Map<string, ClientRecord>();
  const consents = new Map<string, ConsentRecord>();
  const appKey = (tenantId: string, appId: string): string => JSON.stringify([tenantId, appId]);
  const inApp = (tenantId: string, appId: string) => (r: { tenant_id: string; app_id: string }) =>
    r.tenant_id === tenantId && r.app_id === appId;

  return {
    getApp: (tenantId, appId) => apps.get(appKey(tenantId, appId)),
    putApp: (app) => void apps.set(appKey(app.tenant_id, app.app_id), frozenCopy(app)),
    deleteApp(tenantId, appId) {
      let removed = apps.delete(appKey(tenantId, appId));
      const belongs = inApp(tenantId, appId);
      for (const [id, client] of clients) if (belongs(client)) removed = clients.delete(id) || removed;
      for (const [id, consent] of consents) if (belongs(consent)) removed = consents.delete(id) || removed;
      return removed;
    },

    getClient: (clientId) => clients.get(clientId),
    findClients: (predicate) => [...clients.values()].filter(predicate),
    putClient: (client) => void clients.set(client.client_id, frozenCopy(client)),
    deleteClient: (clientId) => clients.delete(clientId),

    getConsent: (consentId) => consents.get(consentId),
    findConsents: (predicate) => [...consents.values()].filter(predicate),
    putConsent: (consent) => void consents.set(consent.consent_id, frozenCopy(consent)),
    deleteConsent: (consentId) => consents.delete(consentId),
  };
}

function frozenCopy<T>(value: T): T {
  return deepFreeze(structuredClone(value));
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
