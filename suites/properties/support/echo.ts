/**
 * Does a client read back hold what was sent? Only the fields the output schema of the client's protocol declares
 * are compared: input-only fields are an observation (CLIENTS-CREATE-INPUT-ONLY-FIELDS), and fields not sent take
 * defaults, which the contract suites judge.
 */
import { differences, holdsValue, isPlainObject } from '../../support/compare.js';
import type { JsonObject } from './bodies.js';

/** `field: sent X, got Y` for each sent output field the client does not hold. */
export function unheldFields(
  sent: JsonObject,
  got: JsonObject | undefined,
  outputFields: ReadonlySet<string>,
): string[] {
  const compared = Object.fromEntries(Object.entries(sent).filter(([field]) => outputFields.has(field)));
  return differences(compared, got);
}

/**
 * PUT replacement (decisions.md #16): for each object-valued field sent, the members the stored object had and the
 * body left out must not survive with their old values — `token_expiration.refresh_token_ttl still 86401`.
 */
export function mergedLeftovers(sent: JsonObject, before: JsonObject, got: JsonObject | undefined): string[] {
  const leftovers: string[] = [];
  for (const [field, value] of Object.entries(sent)) {
    const old = before[field];
    const now = got?.[field];
    if (!isPlainObject(value) || !isPlainObject(old) || !isPlainObject(now)) continue;
    for (const [member, oldValue] of Object.entries(old)) {
      if (member in value || !(member in now)) continue;
      if (holdsValue(oldValue, now[member])) leftovers.push(`${field}.${member} still ${JSON.stringify(oldValue)}`);
    }
  }
  return leftovers;
}

/** A body as it reads in a finding: JSON, shortened. */
export function shortJson(value: unknown, max = 300): string {
  const text = JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
