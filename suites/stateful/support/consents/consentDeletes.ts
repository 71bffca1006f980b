/**
 * What the three consent deletes share (decisions.md #23–#25): they remove the consents of one client and user in
 * the app — all of them, or only the one `consent_id` — answer 2xx when something matched and 404 when nothing
 * did, and straight afterwards every read path agrees with the model (readBack.ts). Each disagreement is named by
 * the rule it breaks.
 */
import type fc from 'fast-check';
import type { TargetResponse } from '../../../../src/suite/index.js';
import { OP } from '../../../support/operationAuth.js';
import {
  consentAt,
  expectNo5xx,
  MODEL_RULE,
  type ClientKey,
  type ConsentsModel,
  type ConsentsReal,
  type DeleteKey,
  type ModelConsent,
  type UserKey,
} from './model.js';
import { readBack } from './readBack.js';

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

  const what = `${key} of ${client}/${user}${consent ? ` consent_id=${consent.label}` : ''}`;
  await readBack(model, real, {
    what,
    user,
    touched: matched,
    lostRule: (m) => overDeletedRule(key, request, m),
  });
  // The status last: what the delete did to the consents (often a documented rule) outweighs how it answered.
  if (matched.length > 0) e.status(res, '2xx', { requirement: `${key}-2XX` });
  else e.status(res, 404, { requirement: noMatchRule(key, request) });
}

/** Nothing matched: a consent_id of another client or user is its own (inferred) rule where the catalog has one. */
function noMatchRule(key: DeleteKey, { client, user, consent }: DeleteRequest): string {
  const foreign = consent && consent.gone === undefined && (consent.client !== client || consent.user !== user);
  if (foreign && key !== OP.ME_CONSENTS_REVOKE) return `${key}-CONSENT-ID-MISMATCH`;
  return `${key}-404-NO-MATCH`;
}

/** A consent the delete should have kept is gone: which scoping rule that breaks. */
function overDeletedRule(key: DeleteKey, { client, user, consent }: DeleteRequest, lost: ModelConsent): string {
  if (consent) return `${key}-CONSENT-ID-ONLY`;
  if (key === OP.CONSENTS_DELETE_USER && lost.user === user && lost.client !== client) {
    return 'CONSENTS-DELETE-USER-CLIENT-SCOPED';
  }
  if (key === OP.MANAGE_CONSENTS_DELETE && lost.client === client && lost.user !== user) {
    return 'MANAGE-CONSENTS-DELETE-USER-SCOPED';
  }
  if (key === OP.ME_CONSENTS_REVOKE && lost.user !== user) return 'ME-CONSENTS-REVOKE-ISOLATION-USER';
  return MODEL_RULE;
}

/**
 * Which consents a delete command aims at, chosen before any consent exists: all of a client and user, one consent
 * by id (with its own client and user), or a client and user with some consent's id (often another pair's).
 */
export type DeleteTarget =
  | { readonly kind: 'pair'; readonly client: ClientKey; readonly user: UserKey }
  | { readonly kind: 'consent'; readonly slot: number }
  | { readonly kind: 'mismatch'; readonly client: ClientKey; readonly user: UserKey; readonly slot: number };

/** A target naming a consent needs one to exist. */
export function canAim(target: DeleteTarget, model: Readonly<ConsentsModel>): boolean {
  return target.kind === 'pair' || model.consents.length > 0;
}

export function aim(target: DeleteTarget, model: Readonly<ConsentsModel>): DeleteRequest {
  if (target.kind === 'pair') return { client: target.client, user: target.user };
  const consent = consentAt(model, target.slot) as ModelConsent;
  return target.kind === 'consent'
    ? { client: consent.client, user: consent.user, consent }
    : { client: target.client, user: target.user, consent };
}

/** `A/U1 consent_id=c2` once aimed; before, what the command was generated with. */
export function describeDelete(target: DeleteTarget, aimed: DeleteRequest | undefined): string {
  if (aimed) return `${aimed.client}/${aimed.user}${aimed.consent ? ` consent_id=${aimed.consent.label}` : ''}`;
  if (target.kind === 'pair') return `${target.client}/${target.user}`;
  return target.kind === 'consent'
    ? `consent slot ${target.slot}`
    : `${target.client}/${target.user} slot ${target.slot}`;
}

/**
 * The one shape of the three consent-delete commands: aim at a consent pair the model knows, send the operation's
 * request, then judge it with `runConsentDelete`. A subclass says only which operation it is and how it sends.
 */
export abstract class ConsentDeleteCommand implements fc.AsyncCommand<ConsentsModel, ConsentsReal> {
  /** What the target resolved to in the last run (for the description). */
  private aimed: DeleteRequest | undefined;

  constructor(readonly target: DeleteTarget) {}

  protected abstract readonly key: DeleteKey;
  /** The command's name in a shrunk sequence, e.g. `delete-user`. */
  protected abstract readonly label: string;
  protected abstract send(
    real: ConsentsReal,
    aimed: DeleteRequest,
    consentId: { consentId?: string },
  ): Promise<TargetResponse>;

  check(model: Readonly<ConsentsModel>): boolean {
    return canAim(this.target, model);
  }

  async run(model: ConsentsModel, real: ConsentsReal): Promise<void> {
    const aimed = aim(this.target, model);
    this.aimed = aimed;
    const consentId = aimed.consent ? { consentId: aimed.consent.id } : {};
    await runConsentDelete(this.key, model, real, aimed, () => this.send(real, aimed, consentId));
  }

  toString(): string {
    return `${this.label} ${describeDelete(this.target, this.aimed)}`;
  }
}
