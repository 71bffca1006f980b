/** An app the reference knows by name (apps are also implicit: decisions #27). */
export interface AppRecord {
  readonly tenant_id: string;
  readonly app_id: string;
  readonly app_name: string;
}

/** A stored client: exactly the object the API returns (decisions #13), both OIDC and SAML shapes. */
export interface ClientRecord {
  readonly tenant_id: string;
  readonly app_id: string;
  readonly client_id: string;
  readonly name: string;
  readonly authentication_protocol: 'oidc' | 'saml';
  readonly [field: string]: unknown;
}

/** A stored consent (docs/facts.md §3.0); timestamps are epoch milliseconds (decisions #21). */
export interface ConsentRecord {
  readonly consent_id: string;
  readonly tenant_id: string;
  readonly app_id: string;
  readonly client_id: string;
  readonly user_id: string;
  readonly scope: string;
  readonly created_at: number;
  readonly expires_at: number;
  readonly updated_at: number;
}

/**
 * The reference's storage. Synchronous on purpose: a handler reads and writes without yielding to the event loop,
 * so concurrent requests can never interleave inside one operation and the store stays consistent.
 * Records are immutable values; a write replaces a record whole.
 */
export interface ReferenceStore {
  getApp(tenantId: string, appId: string): AppRecord | undefined;
  putApp(app: AppRecord): void;
  /** Removes the app with all its clients and consents. Returns whether anything was removed. */
  deleteApp(tenantId: string, appId: string): boolean;

  getClient(clientId: string): ClientRecord | undefined;
  findClients(predicate: (client: ClientRecord) => boolean): ClientRecord[];
  putClient(client: ClientRecord): void;
  deleteClient(clientId: string): boolean;

  getConsent(consentId: string): ConsentRecord | undefined;
  findConsents(predicate: (consent: ConsentRecord) => boolean): ConsentRecord[];
  putConsent(consent: ConsentRecord): void;
  deleteConsent(consentId: string): boolean;
}
