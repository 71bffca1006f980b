/**
 * Contract of GET /v1/consents and GET /v1/consents/{consentId} (docs/facts.md §3.1, §3.2): documented statuses, bodies
 * against their schemas, content types, and the observations on host availability and auth error bodies.
 */
import { check } from '../../src/suite/index.js';
import { consentsSession, sessionWithConsent } from '../support/consents.js';
import {
  expectJsonContentType,
  expectNoClientName,
  observeAuthErrorBodies,
  singleConsentIn,
  expectJsonEnvelope,
} from '../support/consentsResponses.js';
import { consentItemsIn } from '../support/consentsLists.js';

check({ requirement: 'CONSENTS-LIST-200', title: 'listing the consents of an app answers 200' }, async (c) => {
  const s = await consentsSession(c);
  const res = await s.cis.listConsents(s.read);
  c.expect.status(res.response, 200);
  // A 200 proves nothing with a body that is not a list: the envelope (empty or not) is judged before it passes.
  c.expect.schema(res.response, 'consent-list.envelope.schema.json', { requirement: 'CONSENTS-LIST-200-BODY' });
});

check(
  {
    requirement: 'CONSENTS-LIST-200-BODY',
    title: 'the list body is {"result": consent[]} as JSON',
    needsStateHook: true,
  },
  async (c) => {
    const { s } = await sessionWithConsent(c);
    const res = (await s.cis.listConsents(s.read)).response;
    expectJsonEnvelope(c, res, 'CONSENTS-LIST-200', 'consent-list.envelope.schema.json', 'CONSENTS-LIST-200-BODY');
  },
);

check(
  { requirement: 'CONSENTS-LIST-NO-CLIENT-NAME', title: 'list items carry no client_name', needsStateHook: true },
  async (c) => {
    const { s } = await sessionWithConsent(c);
    const res = (await s.cis.listConsents(s.read)).response;
    c.expect.status(res, 200, { requirement: 'CONSENTS-LIST-200' });
    const items = consentItemsIn(res);
    c.expect.that(items.length > 0, {
      expected: 'the consent set up through the state hook in the list',
      observed: 'an empty list',
      requirement: 'CONSENTS-LIST-NO-FILTER-ALL',
    });
    expectNoClientName(c, items, 'GET /v1/consents items');
  },
);

check(
  { requirement: 'CONSENTS-LIST-HOST-AVAILABILITY', title: 'whether the Consents API answers on this host' },
  async (c) => {
    const s = await consentsSession(c);
    const res = (await s.cis.listConsents(s.read)).response;
    // docs/facts.md §1.1: the docs name only the US host for Consents; a 404 here may mean the API is not deployed.
    const meaning =
      res.status >= 200 && res.status < 300
        ? 'the API answers'
        : res.status === 404
          ? 'not found: the Consents API may not exist on this host'
          : 'the API answers, but refused the request';
    c.observe({
      question: 'status of GET /v1/consents with a valid client token',
      observed: `${res.status} (${meaning})`,
    });
  },
);

check({ requirement: 'CONSENTS-LIST-AUTH-ERROR-BODY', title: 'the 401/403 bodies of the list' }, async (c) => {
  const s = await consentsSession(c);
  const noPermission = await c.tokens.client({ app: s.app, permissions: [] });
  await observeAuthErrorBodies(
    c,
    'CONSENTS-LIST-AUTH-ERROR-BODY',
    async (token) => (await s.cis.listConsents(token)).response,
    {
      label: 'a client token holding no permission',
      token: noPermission,
    },
  );
});

check(
  { requirement: 'CONSENTS-GET-200', title: 'getting an existing consent answers 200', needsStateHook: true },
  async (c) => {
    const { s, consent } = await sessionWithConsent(c);
    c.expect.status((await s.cis.getConsent(s.read, consent.consent_id)).response, 200);
  },
);

check(
  {
    requirement: 'CONSENTS-GET-200-BODY',
    title: 'the consent body is {"result": consent} as JSON',
    needsStateHook: true,
  },
  async (c) => {
    const { s, consent } = await sessionWithConsent(c);
    const res = (await s.cis.getConsent(s.read, consent.consent_id)).response;
    expectJsonEnvelope(c, res, 'CONSENTS-GET-200', 'consent-single.envelope.schema.json', 'CONSENTS-GET-200-BODY');
  },
);

check(
  {
    requirement: 'CONSENTS-GET-NO-CLIENT-NAME',
    title: 'the consent read carries no client_name',
    needsStateHook: true,
  },
  async (c) => {
    const { s, consent } = await sessionWithConsent(c);
    const res = (await s.cis.getConsent(s.read, consent.consent_id)).response;
    c.expect.status(res, 200, { requirement: 'CONSENTS-GET-200' });
    expectNoClientName(c, singleConsentIn(res), 'GET /v1/consents/{consentId}');
  },
);

check({ requirement: 'CONSENTS-GET-404', title: 'an unknown consent id answers 404' }, async (c) => {
  const s = await consentsSession(c);
  c.expect.status((await s.cis.getConsent(s.read, c.fixtures.id('no-such-consent'))).response, 404);
});

check({ requirement: 'CONSENTS-GET-404-BODY', title: 'the 404 body is {message, error_code} as JSON' }, async (c) => {
  const s = await consentsSession(c);
  const res = (await s.cis.getConsent(s.read, c.fixtures.id('no-such-consent'))).response;
  c.expect.status(res, 404, { requirement: 'CONSENTS-GET-404' });
  c.expect.schema(res, 'error-404.schema.json');
  expectJsonContentType(c, res, 'CONSENTS-GET-404-BODY');
});

check({ requirement: 'CONSENTS-GET-AUTH-ERROR-BODY', title: 'the 401/403 bodies of get by id' }, async (c) => {
  const s = await consentsSession(c);
  const noPermission = await c.tokens.client({ app: s.app, permissions: [] });
  const id = c.fixtures.id('consent');
  await observeAuthErrorBodies(
    c,
    'CONSENTS-GET-AUTH-ERROR-BODY',
    async (token) => (await s.cis.getConsent(token, id)).response,
    {
      label: 'a client token holding no permission',
      token: noPermission,
    },
  );
});
