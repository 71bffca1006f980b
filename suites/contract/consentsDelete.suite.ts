/**
 * Contract of the three consent removals (user delete, manage delete, /me revoke; docs/facts.md §3.3, §3.5, §3.7):
 * a match answers a 2xx, whose exact code and body are recorded (decisions #23–#25: any 2xx passes); a request
 * that matches nothing answers the documented 404 with its error body; and the auth error bodies.
 */
import { check } from '../../src/suite/index.js';
import { CONSENT_DELETES, rule } from '../support/consentsDeletes.js';
import { describeSuccess, expectJsonContentType, observeAuthErrorBodies } from '../support/consentsResponses.js';
import { consentsSession, sessionWithConsent } from '../support/consents.js';

for (const operation of CONSENT_DELETES) {
  check(
    { requirement: rule(operation, '2XX'), title: 'a removal that matches answers a 2xx', needsStateHook: true },
    async (c) => {
      const { s, consent } = await sessionWithConsent(c);
      const res = await operation.remove(s, { clientId: consent.client_id, userId: consent.user_id });
      c.expect.status(res, '2xx');
    },
  );

  check(
    {
      requirement: rule(operation, 'SUCCESS-STATUS'),
      title: 'which 2xx a matching removal answers, and its body',
      needsStateHook: true,
    },
    async (c) => {
      const { s, consent } = await sessionWithConsent(c);
      const res = await operation.remove(s, { clientId: consent.client_id, userId: consent.user_id });
      c.expect.status(res, '2xx', { requirement: rule(operation, '2XX') });
      c.observe({ question: `status and body of a successful ${operation.label}`, observed: describeSuccess(res) });
    },
  );

  // The docs list 404 without its trigger; "nothing matched" is the inferred one (…-404-NO-MATCH, semantics).
  // This check holds the answer to such a request to a documented status: 404, or the documented success. Only a
  // 404 shows the rule it is recorded under: a 2xx (an idempotent delete, a defensible reading) is skipped, saying
  // so, rather than passed (decisions.md #51); anything else is neither documented answer and fails.
  check(
    { requirement: rule(operation, '404'), title: 'a removal that matches nothing answers a documented status' },
    async (c) => {
      const s = await consentsSession(c);
      const res = await operation.remove(s, {
        clientId: s.app.clientId,
        userId: c.fixtures.id('user-without-consents'),
      });
      if (res.status >= 200 && res.status < 300) {
        c.skip(
          `a removal that matches nothing answered ${res.status}, a documented success, not 404: it shows no 404 (${rule(operation, '404-NO-MATCH')} judges whether it should have been one)`,
        );
      }
      c.expect.that(res.status === 404, {
        expected: 'status 404 (or a 2xx)',
        observed: `status ${res.status}`,
      });
    },
  );

  check(
    { requirement: rule(operation, '404-BODY'), title: 'the 404 body is {message, error_code} as JSON' },
    async (c) => {
      const s = await consentsSession(c);
      const res = await operation.remove(s, {
        clientId: s.app.clientId,
        userId: c.fixtures.id('user-without-consents'),
      });
      if (res.status !== 404) {
        c.skip(
          `a removal that matches nothing answered ${res.status}, not 404, so there is no 404 body to check (${rule(operation, '404-NO-MATCH')} judges the status)`,
        );
      }
      c.expect.schema(res, 'error-404.schema.json');
      expectJsonContentType(c, res, rule(operation, '404-BODY'));
    },
  );

  check({ requirement: rule(operation, 'AUTH-ERROR-BODY'), title: 'the 401/403 bodies of the removal' }, async (c) => {
    const s = await consentsSession(c);
    const target = { clientId: s.app.clientId, userId: c.fixtures.id('user') };
    await observeAuthErrorBodies(
      c,
      rule(operation, 'AUTH-ERROR-BODY'),
      (token) => operation.removeWith(s, target, token),
      await operation.refusedToken(c, s),
    );
  });
}

check(
  {
    requirement: 'MANAGE-CONSENTS-DELETE-400',
    title: 'a manage delete without app_id answers 400',
    needsStateHook: true,
  },
  async (c) => {
    const { s, consent } = await sessionWithConsent(c);
    // Raw: the typed client always sends app_id.
    const path = `/v1/manage/consents/clients/${encodeURIComponent(consent.client_id)}/users/${encodeURIComponent(consent.user_id)}`;
    const res = await c.send({ method: 'DELETE', path, token: s.remove });
    c.expect.status(res, 400);
    if (res.status === 400) c.expect.schema(res, 'error-400.schema.json');
  },
);
