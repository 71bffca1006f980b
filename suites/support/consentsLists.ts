/**
 * Reading consents back for the Consents semantics checks: each listing is held to its own documented status and
 * envelope first (a broken listing is named as such, not blamed on the rule under test), then reduced to ids.
 */
import type { CheckContext, TargetResponse } from '../../src/suite/index.js';
import type { ConsentsSession } from './consents.js';

export interface ConsentFilter {
  readonly clientId?: string;
  readonly userId?: string;
}

/** The items of a 2xx list body, enveloped (`{"result": [...]}`) or bare; an answer that is no list gives none. */
export function consentItemsIn(res: TargetResponse): unknown[] {
  const body = res.json;
  const items = Array.isArray(body) ? body : (body as { result?: unknown } | undefined)?.result;
  return Array.isArray(items) ? items : [];
}

/** Consent ids of a 2xx list body. */
export function consentIdsIn(res: TargetResponse): string[] {
  return consentItemsIn(res)
    .map((item) => (item as { consent_id?: unknown } | null)?.consent_id)
    .filter((id): id is string => typeof id === 'string');
}

/** GET /v1/consents with optional filters (client token of the session's app). */
export async function listedIds(c: CheckContext, s: ConsentsSession, filter: ConsentFilter = {}): Promise<string[]> {
  const res = (await s.cis.listConsents(s.read, filter)).response;
  c.expect.status(res, 200, { requirement: 'CONSENTS-LIST-200' });
  c.expect.schema(res, 'consent-list.envelope.schema.json', { requirement: 'CONSENTS-LIST-200-BODY' });
  return consentIdsIn(res);
}

/** GET /v1/manage/consents?app_id=<the session's app> with optional filters. */
export async function manageListedIds(
  c: CheckContext,
  s: ConsentsSession,
  filter: ConsentFilter = {},
): Promise<string[]> {
  const res = (await s.cis.listAppConsents(s.read, { appId: s.app.appId, ...filter })).response;
  c.expect.status(res, 200, { requirement: 'MANAGE-CONSENTS-LIST-200' });
  c.expect.schema(res, 'consent-manage-list.envelope.schema.json', { requirement: 'MANAGE-CONSENTS-LIST-200-BODY' });
  return consentIdsIn(res);
}

/** GET /v1/consents/me as `userId`. */
export async function myListedIds(c: CheckContext, s: ConsentsSession, userId: string): Promise<string[]> {
  const res = (await s.cis.listMyConsents(await s.user(userId))).response;
  c.expect.status(res, 200, { requirement: 'ME-CONSENTS-LIST-200' });
  c.expect.schema(res, 'consent-list.envelope.schema.json', { requirement: 'ME-CONSENTS-LIST-200-BODY' });
  return consentIdsIn(res);
}

/** GET /v1/consents/{id}: the status only (200 while it exists, 404 once it is gone). */
export async function statusById(s: ConsentsSession, consentId: string): Promise<number> {
  return (await s.cis.getConsent(s.read, consentId)).status;
}

/** What the read paths show of one consent: /me of its user, and the client token's paths if they were read. */
export interface ConsentReads {
  readonly mine: string[];
  readonly client?: {
    /** Status of GET /v1/consents/{consentId}. */
    readonly byId: number;
    readonly listed: string[];
    readonly managed: string[];
  };
}

/**
 * Reads `consent` on every path, one after another: /me as its user, and with `clientPaths` its status by id, then
 * GET /v1/consents and GET /v1/manage/consents of the app, unfiltered.
 */
export async function readPaths(
  c: CheckContext,
  s: ConsentsSession,
  consent: { readonly consent_id: string; readonly user_id: string },
  clientPaths: boolean,
): Promise<ConsentReads> {
  const mine = await myListedIds(c, s, consent.user_id);
  if (!clientPaths) return { mine };
  const byId = await statusById(s, consent.consent_id);
  return { mine, client: { byId, listed: await listedIds(c, s), managed: await manageListedIds(c, s) } };
}

/**
 * Expects `consentId` on every path `reads` took, each under its own read rule: reads taken before a write, so
 * that what the write changes can show.
 */
export function expectOnEveryPath(
  c: CheckContext,
  reads: ConsentReads,
  consentId: string,
  names: ReadonlyMap<string, string>,
): void {
  const holds = (what: string, listing: readonly string[], requirement: string) =>
    c.expect.that(listing.includes(consentId), {
      expected: `${what} holds ${named([consentId], names)}`,
      observed: `${listing.length} other item(s)`,
      requirement,
    });
  holds('GET /v1/consents/me of its user', reads.mine, 'ME-CONSENTS-LIST-ALL-OWN');
  if (reads.client === undefined) return;
  c.expect.that(reads.client.byId === 200, {
    expected: `GET /v1/consents/{consentId} answers 200 for ${named([consentId], names)}`,
    observed: `status ${reads.client.byId}`,
    requirement: 'CONSENTS-GET-200',
  });
  holds('GET /v1/consents', reads.client.listed, 'CONSENTS-LIST-NO-FILTER-ALL');
  holds('GET /v1/manage/consents', reads.client.managed, 'MANAGE-CONSENTS-LIST-NO-FILTER-ALL');
}

/** Renders ids with the grid's readable names, so a message says `client B / user A`, not a bare uuid. */
export function named(ids: readonly string[], names: ReadonlyMap<string, string>): string {
  if (ids.length === 0) return 'none';
  return ids.map((id) => names.get(id) ?? `unknown consent ${id}`).join(', ');
}

export interface Membership {
  /** Expected ids the answer lacks. */
  readonly missing: string[];
  /** Ids in the answer that should not be there. */
  readonly unexpected: string[];
}

/** Exact membership of `observed` against `expected` (duplicates and order do not matter). */
export function membership(observed: readonly string[], expected: readonly string[]): Membership {
  const got = new Set(observed);
  const want = new Set(expected);
  return { missing: [...want].filter((id) => !got.has(id)), unexpected: [...got].filter((id) => !want.has(id)) };
}

/**
 * Expects `observed` to hold exactly `expected`: one expectation under `requirement`, whose message names what
 * is missing and what should not be there.
 */
export function expectExactly(
  c: CheckContext,
  what: string,
  observed: readonly string[],
  expected: readonly string[],
  names: ReadonlyMap<string, string>,
  requirement?: string,
): void {
  const { missing, unexpected } = membership(observed, expected);
  c.expect.that(missing.length === 0 && unexpected.length === 0, {
    expected: `${what}: exactly ${named(expected, names)}`,
    observed: `${named(observed, names)} (missing: ${named(missing, names)}; unexpected: ${named(unexpected, names)})`,
    ...(requirement !== undefined ? { requirement } : {}),
  });
}

/** Expects none of `ids` in `remaining` (a listing taken after a removal). */
export function expectGone(
  c: CheckContext,
  remaining: readonly string[],
  ids: readonly string[],
  names: ReadonlyMap<string, string>,
  requirement: string,
): void {
  const still = ids.filter((id) => remaining.includes(id));
  c.expect.that(still.length === 0, {
    expected: `removed: ${named(ids, names)}`,
    observed: `still listed: ${named(still, names)}`,
    requirement,
  });
}

/** Expects `consentId` gone from the app's client-token paths read after a removal: 404 by id, and in neither list. */
export function expectGoneFromAppPaths(
  c: CheckContext,
  client: NonNullable<ConsentReads['client']>,
  consentId: string,
  names: ReadonlyMap<string, string>,
  requirement: string,
): void {
  c.expect.that(client.byId === 404, {
    expected: 'GET /v1/consents/{consentId} answers 404',
    observed: `status ${client.byId}`,
    requirement,
  });
  expectGone(c, client.listed, [consentId], names, requirement);
  expectGone(c, client.managed, [consentId], names, requirement);
}

/** Expects every one of `ids` still in `remaining`. */
export function expectKept(
  c: CheckContext,
  remaining: readonly string[],
  ids: readonly string[],
  names: ReadonlyMap<string, string>,
  requirement: string,
): void {
  const lost = ids.filter((id) => !remaining.includes(id));
  c.expect.that(lost.length === 0, {
    expected: `kept: ${named(ids, names)}`,
    observed: `removed too: ${named(lost, names)}`,
    requirement,
  });
}
