/**
 * What the three consent deletes share (decisions.md #23–#25): they remove the consents of one client and user in
 * the app — all of them, or only the one `consent_id` — answer 2xx when something matched and 404 when nothing
 * did, and afterwards the app's listing agrees with the model. Each disagreement is named by the rule it breaks.
 */
import type { TargetResponse } from '../../../../src/suite/index.js';
import {
  expectListing,
  expectNo5xx,
  MODEL_RULE,
  type ClientKey,
  type ConsentsModel,
  type ConsentsReal,
  type DeleteKey,
  type ModelConsent,
  type UserKey,
} from './model.js';

export interface DeleteRequest {
  readonly client: ClientKey;
  readonly user: UserKey;
  /** Sent as `consent_id` when set. */
  readonly consent?: ModelConsent;
}

export async function runConsentDelete(
  key: DeleteKey,
  model: ConsentsModel,
  real: ConsentsReal,
  request: DeleteRequest,
  send: () => Promise<TargetResponse>,
): Promise<void> {
  const e = real.expect;
  const { client, user, consent } = request;
  const matched = model.consents.filter(
    (m) => m.gone === undefined && m.client === client && m.user === user && (!consent || m.id === consent.id),
  );
  const res = await send();
  expectNo5xx(e, res, key);
  for (const m of matched) m.gone = key;

  const listed = await real.cis.listConsents(real.read);
  expectNo5xx(e, listed.response, 'CONSENTS-LIST');
  e.status(listed.response, 200, { requirement: 'CONSENTS-LIST-200' });
  const what = `${client}/${user}${consent ? ` consent_id=${consent.label}` : ''}`;
  expectListing(e, model, listed.ok ? listed.body : undefined, {
    where: `GET /v1/consents after ${key} of ${what}`,
    belongs: () => true,
    missingRule: (m) => overDeletedRule(key, request, m),
    strayRule: () => MODEL_RULE,
  });
  // The status last: what the delete did to the consents (often a documented rule) outweighs how it answered.
  if (matched.length > 0) e.status(res, '2xx', { requirement: `${key}-2XX` });
  else e.status(res, 404, { requirement: noMatchRule(key, request) });
}

/** Nothing matched: a consent_id of another client or user is its own (inferred) rule where the catalog has one. */
function noMatchRule(key: DeleteKey, { client, user, consent }: DeleteRequest): string {
  const foreign = consent && consent.gone === undefined && (consent.client !== client || consent.user !== user);
  if (foreign && key !== 'ME-CONSENTS-REVOKE') return `${key}-CONSENT-ID-MISMATCH`;
  return `${key}-404-NO-MATCH`;
}

/** A consent the delete should have kept is gone: which scoping rule that breaks. */
function overDeletedRule(key: DeleteKey, { client, user, consent }: DeleteRequest, lost: ModelConsent): string {
  if (consent) return `${key}-CONSENT-ID-ONLY`;
  if (key === 'CONSENTS-DELETE-USER' && lost.user === user && lost.client !== client) {
    return 'CONSENTS-DELETE-USER-CLIENT-SCOPED';
  }
  if (key === 'MANAGE-CONSENTS-DELETE' && lost.client === client && lost.user !== user) {
    return 'MANAGE-CONSENTS-DELETE-USER-SCOPED';
  }
  if (key === 'ME-CONSENTS-REVOKE' && lost.user !== user) return 'ME-CONSENTS-REVOKE-ISOLATION-USER';
  return MODEL_RULE;
}

/** `A/U1 consent_id=c2` — or with the slot before the run resolved it. */
export function describeDelete(
  request: Partial<DeleteRequest> & { client: ClientKey; user: UserKey },
  slot: number | null,
): string {
  const consentPart = slot === null ? '' : ` consent_id=${request.consent?.label ?? `slot ${slot}`}`;
  return `${request.client}/${request.user}${consentPart}`;
}
