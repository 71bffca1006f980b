/**
 * Semantics of the two client-token consent lists (decisions #22): the `client_id` and `user_id` filters, alone,
 * together and absent, give exactly the matching consents of the app (ids compared whole, letter case included);
 * the manage list stays in app_id and names each consent's client.
 */
import { check, type CheckContext } from '../../src/suite/index.js';
import {
  expectExactly,
  listedIds,
  manageListedIds,
  consentItemsIn,
  type ConsentFilter,
} from '../support/consentsLists.js';
import {
  consentGrid,
  consentsSession,
  gridMatching,
  sessionWithConsent,
  type ConsentGrid,
  type ConsentsSession,
} from '../support/consents.js';
import { OP } from '../support/operationAuth.js';

interface ListOperation {
  readonly key: typeof OP.CONSENTS_LIST | typeof OP.MANAGE_CONSENTS_LIST;
  readonly label: string;
  ids(c: CheckContext, s: ConsentsSession, filter: ConsentFilter): Promise<string[]>;
}

const LISTS: readonly ListOperation[] = [
  { key: OP.CONSENTS_LIST, label: 'GET /v1/consents', ids: listedIds },
  { key: OP.MANAGE_CONSENTS_LIST, label: 'GET /v1/manage/consents?app_id=<the app>', ids: manageListedIds },
];

/** Each filter picks a different subset of the grid, so a filter read as another (or ignored) shows. */
const FILTERS: ReadonlyArray<{
  rule: string;
  title: string;
  filter: (g: ConsentGrid) => ConsentFilter;
  describe: string;
}> = [
  {
    rule: 'NO-FILTER-ALL',
    title: 'without filters every consent of the app is listed',
    filter: () => ({}),
    describe: 'no filter',
  },
  {
    rule: 'FILTER-CLIENT',
    title: 'client_id lists exactly that client’s consents',
    filter: (g) => ({ clientId: g.clientA }),
    describe: 'client_id=client A',
  },
  {
    rule: 'FILTER-USER',
    title: 'user_id lists exactly that user’s consents',
    // User A, whose id is a prefix of user B's: a user_id matched by prefix lists user B's consents too.
    filter: (g) => ({ userId: g.userA }),
    describe: 'user_id=user A',
  },
  {
    rule: 'FILTER-BOTH',
    title: 'client_id and user_id together list exactly the consents matching both',
    filter: (g) => ({ clientId: g.clientB, userId: g.userA }),
    describe: 'client_id=client B&user_id=user A',
  },
  {
    rule: 'FILTER-CASE-SENSITIVE',
    title: 'user_id in another letter case lists none of that user’s consents',
    filter: (g) => ({ userId: g.userA.toUpperCase() }),
    describe: 'user_id=user A in upper case',
  },
];

for (const list of LISTS) {
  for (const { rule, title, filter, describe } of FILTERS) {
    check({ requirement: `${list.key}-${rule}`, title, needsStateHook: true }, async (c) => {
      const s = await consentsSession(c);
      const grid = await consentGrid(c, s.app);
      const wanted = filter(grid);
      const observed = await list.ids(c, s, wanted);
      const expected = gridMatching(grid, wanted).map((consent) => consent.consent_id);
      expectExactly(c, `${list.label} with ${describe}`, observed, expected, grid.names);
    });
  }
}

check(
  {
    requirement: 'MANAGE-CONSENTS-LIST-APP-SCOPED',
    title: 'every manage list item belongs to the app named by app_id',
    needsStateHook: true,
  },
  async (c) => {
    const s = await consentsSession(c);
    const other = await c.fixtures.app({ tenantId: s.app.tenantId });
    const userId = c.fixtures.id('user');
    const own = await c.fixtures.consent({ app: s.app, userId });
    const foreign = await c.fixtures.consent({ app: other, userId });
    const res = (await s.cis.listAppConsents(s.read, { appId: s.app.appId })).response;
    c.expect.status(res, 200, { requirement: 'MANAGE-CONSENTS-LIST-200' });
    const items = consentItemsIn(res) as Array<{ consent_id?: unknown; app_id?: unknown }>;
    const strays = items.filter((item) => item.app_id !== s.app.appId);
    c.expect.that(strays.length === 0 && !items.some((item) => item.consent_id === foreign.consent_id), {
      expected: `only consents with app_id ${s.app.appId} (not the consent of app ${other.appId} in the same tenant)`,
      observed:
        strays.length === 0
          ? 'the other app’s consent listed under another app_id'
          : `items with app_id ${strays.map((i) => String(i.app_id)).join(', ')}`,
    });
    c.expect.that(
      items.some((item) => item.consent_id === own.consent_id),
      {
        expected: "the app's own consent listed",
        observed: `${items.length} item(s) without it`,
        requirement: 'MANAGE-CONSENTS-LIST-NO-FILTER-ALL',
      },
    );
  },
);

check(
  {
    requirement: 'MANAGE-CONSENTS-LIST-CLIENT-NAME-VALUE',
    title: "an item's client_name is its client's name",
    needsStateHook: true,
  },
  async (c) => {
    const { s, consent } = await sessionWithConsent(c);
    // The app's default client is a stored client on every target; its name is whatever the target gave it.
    const client = await s.cis.getClient(s.read, consent.client_id);
    if (!client.ok)
      return c.skip(`cannot learn the name of the app's client: GET /v1/clients/{clientId} answered ${client.status}`);
    const name = client.body.name;
    const res = (await s.cis.listAppConsents(s.read, { appId: s.app.appId })).response;
    c.expect.status(res, 200, { requirement: 'MANAGE-CONSENTS-LIST-200' });
    const item = consentItemsIn(res).find((i) => (i as { consent_id?: unknown }).consent_id === consent.consent_id) as
      { client_name?: unknown } | undefined;
    c.expect.that(item?.client_name === name, {
      expected: `client_name ${JSON.stringify(name)}`,
      observed:
        item === undefined ? 'the consent missing from the list' : `client_name ${JSON.stringify(item.client_name)}`,
    });
  },
);
