/**
 * Lists beyond a handful: each list is read with more items than any plausible default page (support AT_SCALE),
 * whose ids are prefixes, suffixes and case variants of each other. A list the docs call "all" that answers fewer
 * items is a silently truncated list (documented); what paging signal it carries is an observation (pagination is
 * not documented: the `-PAGING-SIGNAL` rules of docs/requirements.md). Filters match ids exactly (prefix and suffix
 * ids are other ids; letter case is inferred) and combine as AND. Consents come from the state hook, clients from
 * the API.
 */
import { check, type CheckContext } from '../../src/suite/index.js';
import { cisOf } from '../support/cis.js';
import { minimalOidcBody } from '../support/clientBodies.js';
import { clientsSession, createClient } from '../support/clients.js';
import { consentIdsIn, consentItemsIn, membership, type ConsentFilter } from '../support/consentsLists.js';
import { consentsSession, type ConsentsSession } from '../support/consents.js';
import { OP } from '../support/operationAuth.js';
import { AT_SCALE, expectAllAtScale, idVariants, type IdVariants } from './support/listsAtScale.js';

interface ScaleConsent {
  readonly id: string;
  readonly clientId: string;
  readonly userId: string;
}

/**
 * AT_SCALE consents of one app: one for each pair of the client and user variants (16), the rest for the two base
 * ids, so that every filter below matches many consents and misses near-identical ones.
 */
async function consentScaleSet(
  c: CheckContext,
  s: ConsentsSession,
): Promise<{ users: IdVariants; clients: IdVariants; consents: ScaleConsent[] }> {
  const users = idVariants(c.fixtures.id('user'));
  const clients = idVariants(c.fixtures.id('client'));
  const pairs: Array<[string, string]> = [];
  for (const clientId of Object.values(clients))
    for (const userId of Object.values(users)) pairs.push([clientId, userId]);
  while (pairs.length < AT_SCALE) pairs.push([clients.base, users.base]);
  const consents: ScaleConsent[] = [];
  for (const [clientId, userId] of pairs) {
    const made = await c.fixtures.consent({ app: s.app, clientId, userId });
    consents.push({ id: made.consent_id, clientId, userId });
  }
  return { users, clients, consents };
}

interface ConsentList {
  readonly key: typeof OP.CONSENTS_LIST | typeof OP.MANAGE_CONSENTS_LIST;
  readonly path: string;
  readonly schema: string;
  read(s: ConsentsSession, filter: ConsentFilter): ReturnType<ConsentsSession['cis']['listConsents']>;
}

const CONSENT_LISTS: readonly ConsentList[] = [
  {
    key: OP.CONSENTS_LIST,
    path: 'GET /v1/consents',
    schema: 'consent-list.envelope.schema.json',
    read: (s, filter) => s.cis.listConsents(s.read, filter),
  },
  {
    key: OP.MANAGE_CONSENTS_LIST,
    path: 'GET /v1/manage/consents',
    schema: 'consent-manage-list.envelope.schema.json',
    read: (s, filter) => s.cis.listAppConsents(s.read, { appId: s.app.appId, ...filter }),
  },
];

const FILTERS: ReadonlyArray<{ rule: string; filter: (u: IdVariants, k: IdVariants) => ConsentFilter }> = [
  { rule: 'FILTER-USER', filter: (u) => ({ userId: u.base }) },
  { rule: 'FILTER-CLIENT', filter: (_u, k) => ({ clientId: k.base }) },
  { rule: 'FILTER-BOTH', filter: (u, k) => ({ clientId: k.base, userId: u.base }) },
];

/** Same letters, other case: a filter that lists it compares case-insensitively. */
const caseOnly = (a: string, b: string): boolean => a !== b && a.toLowerCase() === b.toLowerCase();

for (const list of CONSENT_LISTS) {
  check(
    {
      requirement: `${list.key}-ALL-AT-SCALE`,
      title: `with ${AT_SCALE} consents whose ids are prefixes, suffixes and case variants of each other, the list holds all and each filter exactly its own`,
      needsStateHook: true,
    },
    async (c) => {
      const s = await consentsSession(c);
      const set = await consentScaleSet(c, s);
      const read = async (filter: ConsentFilter) => {
        const res = (await list.read(s, filter)).response;
        c.expect.status(res, 200, { requirement: `${list.key}-200` });
        c.expect.schema(res, list.schema, { requirement: `${list.key}-200-BODY` });
        return res;
      };
      const all = await read({});
      expectAllAtScale(c, {
        requirement: `${list.key}-ALL-AT-SCALE`,
        pagingRequirement: `${list.key}-PAGING-SIGNAL`,
        where: `${list.path} without filters`,
        res: all,
        listed: consentIdsIn(all),
        expected: set.consents.map((consent) => consent.id),
      });
      const byId = new Map(set.consents.map((consent) => [consent.id, consent]));
      for (const { rule, filter } of FILTERS) {
        const wanted = filter(set.users, set.clients);
        const matches = (x: ScaleConsent) =>
          (wanted.clientId === undefined || x.clientId === wanted.clientId) &&
          (wanted.userId === undefined || x.userId === wanted.userId);
        const expected = set.consents.filter(matches).map((x) => x.id);
        const { missing, unexpected } = membership(consentIdsIn(await read(wanted)), expected);
        const strays = unexpected.map((id) => byId.get(id));
        const cased = strays.filter(
          (x) =>
            x !== undefined &&
            ((wanted.userId !== undefined && caseOnly(x.userId, wanted.userId)) ||
              (wanted.clientId !== undefined && caseOnly(x.clientId, wanted.clientId))),
        );
        const where = `${list.path}?${[wanted.clientId && `client_id=${wanted.clientId}`, wanted.userId && `user_id=${wanted.userId}`].filter(Boolean).join('&')}`;
        const describe = (x: ScaleConsent | undefined) => (x ? `${x.clientId}/${x.userId}` : 'a consent not set up');
        c.expect.that(cased.length === 0, {
          requirement: `${list.key}-FILTER-CASE-SENSITIVE`,
          expected: `${where} without the consents of ids that differ only in letter case`,
          observed: `${cased.length} listed: ${cased.slice(0, 3).map(describe).join(', ')}`,
        });
        const others = strays.filter((x) => !cased.includes(x));
        c.expect.that(missing.length === 0 && others.length === 0, {
          requirement: `${list.key}-${rule}`,
          expected: `exactly the ${expected.length} consents matching ${where} (AND of the filters, ids compared whole)`,
          observed: `${missing.length} missing, ${others.length} others listed${others.length ? `: ${others.slice(0, 3).map(describe).join(', ')}` : ''}`,
        });
      }
    },
  );
}

check(
  {
    requirement: 'ME-CONSENTS-LIST-ALL-AT-SCALE',
    title: `a user with ${AT_SCALE} consents gets all of them from /me, and none of the users whose ids are variants of theirs`,
    needsStateHook: true,
  },
  async (c) => {
    const s = await consentsSession(c);
    const users = idVariants(c.fixtures.id('user'));
    const clients = idVariants(c.fixtures.id('client'));
    const clientIds = Object.values(clients);
    const own: string[] = [];
    for (let i = 0; own.length < AT_SCALE; i += 1) {
      const clientId = clientIds[i % clientIds.length] as string;
      own.push((await c.fixtures.consent({ app: s.app, clientId, userId: users.base })).consent_id);
    }
    const others = [users.longer, users.cased];
    for (const userId of others) await c.fixtures.consent({ app: s.app, clientId: clients.base, userId });
    const res = (await s.cis.listMyConsents(await s.user(users.base))).response;
    c.expect.status(res, 200, { requirement: 'ME-CONSENTS-LIST-200' });
    c.expect.schema(res, 'consent-list.envelope.schema.json', { requirement: 'ME-CONSENTS-LIST-200-BODY' });
    const listed = consentIdsIn(res);
    expectAllAtScale(c, {
      requirement: 'ME-CONSENTS-LIST-ALL-AT-SCALE',
      pagingRequirement: 'ME-CONSENTS-LIST-PAGING-SIGNAL',
      where: `GET /v1/consents/me as ${users.base}`,
      res,
      listed,
      expected: own,
    });
    const foreign = consentItemsIn(res).filter((item) => (item as { user_id?: unknown }).user_id !== users.base);
    c.expect.that(foreign.length === 0, {
      requirement: 'ME-CONSENTS-LIST-ISOLATION-USER',
      expected: `only consents of ${users.base} (not of ${others.join(' or ')})`,
      observed: `${foreign.length} of user ${[...new Set(foreign.map((i) => String((i as { user_id?: unknown }).user_id)))].join(', ')}`,
    });
  },
);

check(
  {
    requirement: 'CLIENTS-LIST-ALL-AT-SCALE',
    title: `an app with ${AT_SCALE} clients, named as prefixes and suffixes of each other, lists all of them`,
  },
  async (c) => {
    if (c.config.live) c.skip(`live mode: ${AT_SCALE - 1} clients would be created in the one live app`);
    const session = await clientsSession(c);
    const base = c.fixtures.id('scale');
    const names = [base, `${base}0`, `x${base}`];
    while (names.length < AT_SCALE - 1) names.push(`${base}-${names.length}`);
    const created = new Map<string, string>([[session.app.clientId, '']]);
    for (const name of names) created.set((await createClient(c, session, minimalOidcBody(name))).id, name);
    const cis = cisOf(c);
    const listed = await cis.listClients(session.token);
    c.expect.status(listed.response, 200, { requirement: 'CLIENTS-LIST-200' });
    const items =
      listed.ok && Array.isArray(listed.body) ? (listed.body as unknown as Array<Record<string, unknown>>) : [];
    expectAllAtScale(c, {
      requirement: 'CLIENTS-LIST-ALL-AT-SCALE',
      pagingRequirement: 'CLIENTS-LIST-PAGING-SIGNAL',
      where: 'GET /v1/clients',
      res: listed.response,
      listed: items.map((item) => String(item['client_id'])),
      expected: [...created.keys()],
    });
    const renamed = items.filter((item) => {
      const name = created.get(String(item['client_id']));
      return name !== undefined && name !== '' && item['name'] !== name;
    });
    c.expect.that(renamed.length === 0, {
      requirement: 'CLIENTS-LIST-ALL-CLIENTS',
      expected: 'each created client listed with the name it was created with',
      observed: renamed
        .slice(0, 3)
        .map((item) => `${String(item['client_id'])} named ${JSON.stringify(item['name'])}`)
        .join(', '),
    });
  },
);
