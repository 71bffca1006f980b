/**
 * Contract of GET /v1/manage/consents (docs/facts.md §3.4): 200 with items that carry client_name, the required app_id
 * (missing → 400, inferred: decisions #22), and the auth error bodies.
 */
import { check } from '../../src/suite/index.js';
import { consentItemsIn } from '../support/consentsLists.js';
import { expectJsonContentType, observeAuthErrorBodies, expectJsonEnvelope } from '../support/consentsResponses.js';
import { consentsSession, sessionWithConsent } from '../support/consents.js';

check(
  { requirement: 'MANAGE-CONSENTS-LIST-200', title: "listing an app's consents by app_id answers 200" },
  async (c) => {
    const s = await consentsSession(c);
    const res = (await s.cis.listAppConsents(s.read, { appId: s.app.appId })).response;
    c.expect.status(res, 200);
    // A 200 proves nothing with a body that is not a list: the envelope (empty or not) is judged before it passes.
    c.expect.schema(res, 'consent-manage-list.envelope.schema.json', { requirement: 'MANAGE-CONSENTS-LIST-200-BODY' });
  },
);

check(
  {
    requirement: 'MANAGE-CONSENTS-LIST-200-BODY',
    title: 'the manage list body is {"result": consent-with-client-name[]} as JSON',
    needsStateHook: true,
  },
  async (c) => {
    const { s } = await sessionWithConsent(c);
    const res = (await s.cis.listAppConsents(s.read, { appId: s.app.appId })).response;
    expectJsonEnvelope(
      c,
      res,
      'MANAGE-CONSENTS-LIST-200',
      'consent-manage-list.envelope.schema.json',
      'MANAGE-CONSENTS-LIST-200-BODY',
    );
  },
);

check(
  {
    requirement: 'MANAGE-CONSENTS-LIST-200-CLIENT-NAME',
    title: 'every manage list item carries client_name',
    needsStateHook: true,
  },
  async (c) => {
    const { s } = await sessionWithConsent(c);
    await c.fixtures.consent({ app: s.app, clientId: c.fixtures.id('client'), userId: c.fixtures.id('user') });
    const res = (await s.cis.listAppConsents(s.read, { appId: s.app.appId })).response;
    c.expect.status(res, 200, { requirement: 'MANAGE-CONSENTS-LIST-200' });
    const items = consentItemsIn(res);
    const without = items.filter((item) => typeof (item as { client_name?: unknown } | null)?.client_name !== 'string');
    c.expect.that(items.length === 2 && without.length === 0, {
      expected: 'the 2 consents set up, each with a client_name string',
      observed: `${items.length} item(s), ${without.length} without a client_name string`,
    });
  },
);

check({ requirement: 'MANAGE-CONSENTS-LIST-400', title: 'a manage list without app_id answers 400' }, async (c) => {
  const s = await consentsSession(c);
  // Raw: the typed client always sends app_id.
  c.expect.status(await c.send({ method: 'GET', path: '/v1/manage/consents', token: s.read }), 400);
});

check(
  { requirement: 'MANAGE-CONSENTS-LIST-400-BODY', title: 'the 400 body is {message, error_code} as JSON' },
  async (c) => {
    const s = await consentsSession(c);
    // Raw: the typed client always sends app_id.
    const res = await c.send({ method: 'GET', path: '/v1/manage/consents', token: s.read });
    if (res.status !== 400) {
      c.skip(
        `a manage list without app_id answered ${res.status}, not 400, so there is no 400 body to check (MANAGE-CONSENTS-LIST-400 judges the status)`,
      );
    }
    c.expect.schema(res, 'error-400.schema.json');
    expectJsonContentType(c, res, 'MANAGE-CONSENTS-LIST-400-BODY');
  },
);

check(
  { requirement: 'MANAGE-CONSENTS-LIST-AUTH-ERROR-BODY', title: 'the 401/403 bodies of the manage list' },
  async (c) => {
    const s = await consentsSession(c);
    const noPermission = await c.tokens.client({ app: s.app, permissions: [] });
    await observeAuthErrorBodies(
      c,
      'MANAGE-CONSENTS-LIST-AUTH-ERROR-BODY',
      async (token) => (await s.cis.listAppConsents(token, { appId: s.app.appId })).response,
      { label: 'a client token holding no permission', token: noPermission },
    );
  },
);
