/**
 * Groups of operation keys that the reference's registries (faults.ts, choices.ts) name rules over: the catalog
 * names one requirement per operation for a shared rule (`<KEY>-<rule>`), so a registry entry lists its ids with
 * `each(rule, ...GROUP)`.
 */

/** `<KEY>-<rule>` for each operation key. */
export const each = (rule: string, ...keys: string[]): string[] => keys.map((key) => `${key}-${rule}`);
export const CLIENT_KEYS = [
  'CLIENTS-CREATE',
  'CLIENTS-LIST',
  'CLIENTS-DELETE-ALL',
  'CLIENTS-GET',
  'CLIENTS-UPDATE',
  'CLIENTS-DELETE',
  'CLIENTS-RESOURCES',
];
export const CONSENT_KEYS = ['CONSENTS-LIST', 'CONSENTS-GET', 'CONSENTS-DELETE-USER'];
export const MANAGE_KEYS = ['MANAGE-CONSENTS-LIST', 'MANAGE-CONSENTS-DELETE'];
export const ME_KEYS = ['ME-CONSENTS-LIST', 'ME-CONSENTS-REVOKE'];
export const CONSENT_DELETE_KEYS = ['CONSENTS-DELETE-USER', 'MANAGE-CONSENTS-DELETE', 'ME-CONSENTS-REVOKE'];
/** The operations that take a ClientAccessToken and check its permissions. */
export const PERMISSION_CHECKED = [...CLIENT_KEYS, ...CONSENT_KEYS, ...MANAGE_KEYS];
export const ALL_KEYS = [...PERMISSION_CHECKED, ...ME_KEYS];
