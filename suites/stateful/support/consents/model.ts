/**
 * The model of one app's consents for the model-based suite, and the real side it is compared with.
 *
 * Consents come from the state hook, for two clients (A, the app's default client, and B) and two users (U1, U2).
 * The model knows each consent the sequence set up and which delete removed it; that decides which catalog rule a
 * disagreement breaks (a consent still listed after CONSENTS-DELETE-USER removed it is CONSENTS-DELETE-USER-GONE,
 * one missing from a filtered listing is that filter's rule, ...). What no narrower rule covers is the model's
 * own, CONSENTS-LIST-STATEFUL-MODEL.
 */
import type { CisClient } from '../../../../src/client/index.js';
import type { CheckCredential, CheckExpect, TargetResponse } from '../../../../src/suite/index.js';
import { isPlainObject } from '../../../support/compare.js';
import type { OP } from '../../../support/operationAuth.js';

export const MODEL_RULE = 'CONSENTS-LIST-STATEFUL-MODEL';

export type ClientKey = 'A' | 'B';
export type UserKey = 'U1' | 'U2';
export type DeleteKey =
  typeof OP.CONSENTS_DELETE_USER | typeof OP.MANAGE_CONSENTS_DELETE | typeof OP.ME_CONSENTS_REVOKE;

export interface ModelConsent {
  readonly id: string;
  readonly label: string;
  readonly client: ClientKey;
  readonly user: UserKey;
  gone?: DeleteKey;
}

export interface ConsentsModel {
  readonly consents: ModelConsent[];
}

/** What the commands act on; `expect` collects the sequence's judgements (src/suite/property.ts). */
export interface ConsentsReal {
  readonly expect: CheckExpect;
  readonly cis: CisClient;
  readonly appId: string;
  readonly clients: Readonly<Record<ClientKey, string>>;
  readonly users: Readonly<Record<UserKey, string>>;
  /** Client tokens of the app: one holding the read permissions, one the delete permissions. */
  readonly read: CheckCredential;
  readonly remove: CheckCredential;
  userToken(user: UserKey): Promise<string>;
  /** A consent through the state hook (`a consent exists`); returns its id. */
  newConsent(client: ClientKey, user: UserKey, scope: string): Promise<string>;
}

/** Commands name a consent for `consent_id` by slot: any consent the model knows, removed ones included. */
export function consentAt(model: Readonly<ConsentsModel>, slot: number): ModelConsent | undefined {
  return model.consents.length === 0 ? undefined : model.consents[slot % model.consents.length];
}

export function describeConsent(consent: ModelConsent): string {
  return `consent ${consent.label} (${consent.client}/${consent.user}${consent.gone ? `, removed by ${consent.gone}` : ''})`;
}

export function expectNo5xx(e: CheckExpect, res: TargetResponse, operation: string): void {
  e.that(res.status < 500, {
    requirement: `${operation}-NO-5XX`,
    expected: 'an answer other than 5xx',
    observed: `status ${res.status}`,
  });
}

export interface ListingSpec {
  /** How the listing reads in a finding, e.g. `GET /v1/consents?client_id=A`. */
  readonly where: string;
  /** Whether a consent that is still there belongs in this listing. */
  readonly belongs: (consent: ModelConsent) => boolean;
  /** The rule broken when a consent that belongs is missing. */
  readonly missingRule: (consent: ModelConsent) => string;
  /** The rule broken when a consent that does not belong is listed. */
  readonly strayRule: (consent: ModelConsent) => string;
  /** The rule broken when a removed consent is still listed. Default: the removing operation's `-GONE`. */
  readonly goneRule?: (consent: ModelConsent) => string;
}

/** A listing holds exactly the consents that are still there and belong; removed ones never. */
export function expectListing(e: CheckExpect, model: Readonly<ConsentsModel>, items: unknown, spec: ListingSpec): void {
  const listed = new Set((Array.isArray(items) ? items : []).filter(isPlainObject).map((i) => String(i['consent_id'])));
  for (const consent of model.consents) {
    const shown = listed.delete(consent.id);
    if (consent.gone !== undefined) {
      e.that(!shown, {
        requirement: spec.goneRule?.(consent) ?? `${consent.gone}-GONE`,
        expected: `no ${describeConsent(consent)} in ${spec.where}`,
        observed: `${consent.label} listed`,
      });
    } else if (spec.belongs(consent)) {
      e.that(shown, {
        requirement: spec.missingRule(consent),
        expected: `${describeConsent(consent)} in ${spec.where}`,
        observed: `${consent.label} missing`,
      });
    } else {
      e.that(!shown, {
        requirement: spec.strayRule(consent),
        expected: `no ${describeConsent(consent)} in ${spec.where}`,
        observed: `${consent.label} listed`,
      });
    }
  }
  e.that(listed.size === 0, {
    requirement: MODEL_RULE,
    expected: `only consents the sequence set up in ${spec.where}`,
    observed: `unknown consent ids ${JSON.stringify([...listed])}`,
  });
}
