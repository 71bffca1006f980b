/**
 * Groups of operation keys that the reference's registries (faults.ts, choices.ts) name rules over: the catalog
 * names one requirement per operation for a shared rule (`<KEY>-<rule>`), so a registry entry lists its ids with
 * `each(rule, ...GROUP)`. Each group is a selection of the operation table (schemas/openapi.yaml), in its order.
 */
import { OPERATIONS, type OperationKey, type OperationPolicy } from './operations.js';

/** `<KEY>-<rule>` for each operation key. */
export const each = (rule: string, ...keys: OperationKey[]): string[] => keys.map((key) => `${key}-${rule}`);

const keysWhere = (test: (operation: OperationPolicy) => boolean): OperationKey[] =>
  OPERATIONS.filter(test).map((operation) => operation.key);
const under = (prefix: string) => (operation: OperationPolicy) =>
  operation.url === prefix || operation.url.startsWith(`${prefix}/`);

export const CLIENT_KEYS = keysWhere(under('/v1/clients'));
export const MANAGE_KEYS = keysWhere(under('/v1/manage/consents'));
/** The operations a UserAccessToken calls, on its own consents. */
export const ME_KEYS = keysWhere(under('/v1/consents/me'));
export const CONSENT_KEYS = keysWhere((o) => under('/v1/consents')(o) && !ME_KEYS.includes(o.key));
export const CONSENT_DELETE_KEYS = keysWhere((o) => o.method === 'DELETE' && !CLIENT_KEYS.includes(o.key));
/** The operations that take a ClientAccessToken and check its permissions. */
export const PERMISSION_CHECKED = keysWhere((o) => o.permissions.length > 0);
export const ALL_KEYS = keysWhere(() => true);
/** The Clients operations on one client, named by its id in the path. */
export const CLIENT_ID_KEYS = keysWhere((o) => CLIENT_KEYS.includes(o.key) && o.url.includes('/:clientId'));
/** The operations a lookup by id of another app's client or consent reaches (decisions #12). */
export const BY_ID_KEYS = keysWhere((o) => [...CLIENT_KEYS, ...CONSENT_KEYS].includes(o.key) && o.url.includes('/:'));
/** The operations whose permission list holds only write actions (a read permission must not pass). */
export const WRITE_KEYS = keysWhere((o) => o.permissions.length > 0 && !o.permissions.some((p) => p.endsWith(':read')));
