/**
 * The stand-in's tenant (fixtures/standin/tenant.json): the credentials its token endpoint accepts and the apps,
 * clients and consents that exist before any run — data the run did not create and must leave as it found it.
 */
import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { newClient } from '../../reference/clients/clientRecord.js';
import type { AppRecord, ConsentRecord, ReferenceStore } from '../../reference/store/types.js';
import { parseClients, type RegisteredClient } from '../issuer/clients.js';

export const DEFAULT_TENANT_FILE = 'fixtures/standin/tenant.json';
/** The seeded records' timestamps: fixed, so two stand-ins start from equal stores. */
const SEEDED_AT = new Date('2026-01-01T00:00:00.000Z');

export interface StandinTenant {
  readonly credentials: readonly RegisteredClient[];
  readonly apps: readonly AppRecord[];
  readonly clients: readonly SeededClient[];
  readonly consents: readonly SeededConsent[];
}

interface SeededClient {
  readonly client_id: string;
  readonly tenant_id: string;
  readonly app_id: string;
  readonly name: string;
  readonly [field: string]: unknown;
}

type SeededConsent = Omit<ConsentRecord, 'created_at' | 'expires_at' | 'updated_at'>;

/** Reads and checks a tenant file (relative paths from `packageRoot`); errors name the file and entry. */
export function loadTenant(packageRoot: string, file: string = DEFAULT_TENANT_FILE): StandinTenant {
  const path = isAbsolute(file) ? file : join(packageRoot, file);
  let document: Record<string, unknown>;
  try {
    document = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  } catch (error) {
    throw new Error(`stand-in tenant ${path}: ${(error as Error).message}`);
  }
  const credentials = parseClients({ clients: document['credentials'] }, `${path} (credentials)`);
  const list = (field: string, required: readonly string[]): Record<string, unknown>[] => {
    const value = document[field] ?? [];
    if (!Array.isArray(value)) throw new Error(`stand-in tenant ${path}: ${field} must be an array`);
    return value.map((entry: unknown, index) => {
      const record = entry as Record<string, unknown>;
      for (const name of required) {
        if (typeof record?.[name] !== 'string' || record[name] === '') {
          throw new Error(`stand-in tenant ${path}: ${field}[${index}].${name} must be a non-empty string`);
        }
      }
      return record;
    });
  };
  return {
    credentials,
    apps: list('apps', ['tenant_id', 'app_id', 'app_name']) as unknown as AppRecord[],
    clients: list('clients', ['client_id', 'tenant_id', 'app_id', 'name']) as unknown as SeededClient[],
    consents: list('consents', [
      'consent_id',
      'tenant_id',
      'app_id',
      'client_id',
      'user_id',
      'scope',
    ]) as unknown as SeededConsent[],
  };
}

/** Puts the tenant's apps, clients and consents into `store`. */
export function seedStore(store: ReferenceStore, tenant: StandinTenant): void {
  for (const app of tenant.apps) store.putApp({ tenant_id: app.tenant_id, app_id: app.app_id, app_name: app.app_name });
  for (const { client_id, tenant_id, app_id, ...fields } of tenant.clients) {
    const record = newClient(fields, { tenantId: tenant_id, appId: app_id }, SEEDED_AT, client_id);
    store.putClient({ ...record, client_secret: `seeded-secret-of-${client_id}` });
  }
  const at = SEEDED_AT.getTime();
  for (const consent of tenant.consents) {
    store.putConsent({ ...consent, created_at: at, updated_at: at, expires_at: at + 10 * 365 * 24 * 3600 * 1000 });
  }
}
