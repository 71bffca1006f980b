/**
 * Read-your-writes for the Consents model: straight after a write (a set-up or one of the three deletes), every way
 * of reading the app's consents agrees with the model at once — the `/me` list of the write's user, each touched
 * consent by id, GET /v1/consents and GET /v1/manage/consents. A lagging index or a cache a delete does not
 * invalidate shows here, where a read that comes some commands later may miss it.
 */
import type { Consent } from '../../../../src/client/index.js';
import { OP } from '../../../support/operationAuth.js';
import {
  describeConsent,
  expectListing,
  expectNo5xx,
  MODEL_RULE,
  type ConsentsModel,
  type ConsentsReal,
  type ModelConsent,
  type UserKey,
} from './model.js';

export interface WriteDone {
  /** How the write reads in a finding, e.g. `delete-user A/U1`. */
  readonly what: string;
  /** Whose `/me` list is read. */
  readonly user: UserKey;
  /** The consents the write created or removed: each is read by id. */
  readonly touched: readonly ModelConsent[];
  /** The rule broken when a consent that should still be there is missing (default: each list's own). */
  readonly lostRule?: (consent: ModelConsent) => string;
}

/**
 * A revoke through `/me` is documented for the caller's own list only (ME-CONSENTS-REVOKE-GONE); on the client-token
 * read paths it is the inferred ME-CONSENTS-REVOKE-GONE-ALL-LISTS.
 */
export function goneElsewhereRule(consent: ModelConsent): string {
  return consent.gone === OP.ME_CONSENTS_REVOKE ? 'ME-CONSENTS-REVOKE-GONE-ALL-LISTS' : `${String(consent.gone)}-GONE`;
}

export async function readBack(model: ConsentsModel, real: ConsentsReal, write: WriteDone): Promise<void> {
  await expectMyList(model, real, write);
  for (const consent of write.touched) await expectReadById(real, consent, write.what);
  await expectAppLists(model, real, write);
}

async function expectMyList(model: ConsentsModel, real: ConsentsReal, write: WriteDone): Promise<void> {
  const listed = await real.cis.listMyConsents(await real.userToken(write.user));
  expectNo5xx(real.expect, listed.response, OP.ME_CONSENTS_LIST);
  real.expect.status(listed.response, 200, { requirement: 'ME-CONSENTS-LIST-200' });
  expectListing(real.expect, model, listed.ok ? listed.body : undefined, {
    where: `GET /v1/consents/me as ${write.user} straight after ${write.what}`,
    belongs: (m) => m.user === write.user,
    missingRule: write.lostRule ?? (() => 'ME-CONSENTS-LIST-ALL-OWN'),
    strayRule: () => 'ME-CONSENTS-LIST-ISOLATION-USER',
  });
}

/** GET /v1/consents/{id}: a consent still there comes back as set up; a removed one is a 404. */
export async function expectReadById(real: ConsentsReal, consent: ModelConsent, after: string): Promise<void> {
  const read = await real.cis.getConsent(real.read, consent.id);
  expectNo5xx(real.expect, read.response, OP.CONSENTS_GET);
  const where = `GET /v1/consents/${consent.label}${after ? ` straight after ${after}` : ''}`;
  if (consent.gone !== undefined) {
    real.expect.that(read.response.status === 404, {
      requirement: goneElsewhereRule(consent),
      expected: `${where} answers 404 (${describeConsent(consent)})`,
      observed: `status ${read.response.status}`,
    });
    return;
  }
  real.expect.status(read.response, 200, { requirement: 'CONSENTS-GET-200' });
  const got = (read.ok ? read.body : {}) as Partial<Consent>;
  const wanted = { consent_id: consent.id, client_id: real.clients[consent.client], user_id: real.users[consent.user] };
  const differing = (Object.keys(wanted) as Array<keyof typeof wanted>).filter((f) => got[f] !== wanted[f]);
  real.expect.that(differing.length === 0, {
    requirement: 'CONSENTS-GET-ROUND-TRIP',
    expected: `${where}: ${describeConsent(consent)}`,
    observed: differing.map((f) => `${f} ${JSON.stringify(got[f])}`).join(', '),
  });
}

/** The two client-token lists without filters: every consent still there, none removed. */
async function expectAppLists(model: ConsentsModel, real: ConsentsReal, write: WriteDone): Promise<void> {
  const lists = [
    { key: OP.CONSENTS_LIST, path: 'GET /v1/consents', read: () => real.cis.listConsents(real.read) },
    {
      key: OP.MANAGE_CONSENTS_LIST,
      path: 'GET /v1/manage/consents',
      read: () => real.cis.listAppConsents(real.read, { appId: real.appId }),
    },
  ] as const;
  for (const list of lists) {
    const listed = await list.read();
    expectNo5xx(real.expect, listed.response, list.key);
    real.expect.status(listed.response, 200, { requirement: `${list.key}-200` });
    expectListing(real.expect, model, listed.ok ? listed.body : undefined, {
      where: `${list.path} straight after ${write.what}`,
      belongs: () => true,
      missingRule: write.lostRule ?? (() => `${list.key}-NO-FILTER-ALL`),
      strayRule: () => MODEL_RULE,
      goneRule: goneElsewhereRule,
    });
  }
}
