/**
 * Semantics of GET /v1/consents/{consentId}: what the state hook set up comes back by id, and the unit of the
 * timestamps is recorded (docs/facts.md §5.2: seconds or milliseconds is undocumented; decisions #21).
 */
import { check } from '../../src/suite/index.js';
import type { Consent } from '../../src/client/index.js';
import { timestampUnit } from '../support/consentsResponses.js';
import { consentsSession, sessionWithConsent } from '../support/consents.js';

const ROUND_TRIP_FIELDS = ['tenant_id', 'app_id', 'client_id', 'user_id', 'scope'] as const;

check(
  {
    requirement: 'CONSENTS-GET-ROUND-TRIP',
    title: 'a consent set up through the state hook is returned by id as set up',
    needsStateHook: true,
  },
  async (c) => {
    const s = await consentsSession(c);
    const userId = c.fixtures.id('user');
    const consent = await c.fixtures.consent({ app: s.app, userId, scope: 'openid profile email' });
    const res = await s.cis.getConsent(s.read, consent.consent_id);
    c.expect.status(res.response, 200, { requirement: 'CONSENTS-GET-200' });
    const got = (res.ok ? res.body : {}) as Partial<Consent>;
    // Compared with what was asked for (not only with the hook's echo), so a hook and API that agree on a wrong
    // value still show.
    const wanted: Record<(typeof ROUND_TRIP_FIELDS)[number], string> = {
      tenant_id: s.app.tenantId,
      app_id: s.app.appId,
      client_id: s.app.clientId,
      user_id: userId,
      scope: 'openid profile email',
    };
    const differing = ROUND_TRIP_FIELDS.filter((field) => got[field] !== wanted[field]);
    c.expect.that(differing.length === 0 && got.consent_id === consent.consent_id, {
      expected: `consent ${consent.consent_id} with ${ROUND_TRIP_FIELDS.map((f) => `${f} ${JSON.stringify(wanted[f])}`).join(', ')}`,
      observed:
        got.consent_id !== consent.consent_id
          ? `consent_id ${JSON.stringify(got.consent_id)}`
          : differing.map((f) => `${f} ${JSON.stringify(got[f])}`).join(', '),
    });
  },
);

check(
  {
    requirement: 'CONSENTS-GET-TIMESTAMP-UNIT',
    title: 'whether consent timestamps are epoch seconds or milliseconds',
    needsStateHook: true,
  },
  async (c) => {
    const { s, consent } = await sessionWithConsent(c);
    const res = await s.cis.getConsent(s.read, consent.consent_id);
    c.expect.status(res.response, 200, { requirement: 'CONSENTS-GET-200' });
    const got = (res.ok ? res.body : {}) as Partial<Record<'created_at' | 'updated_at' | 'expires_at', unknown>>;
    const fields = (['created_at', 'updated_at', 'expires_at'] as const).map(
      (f) => `${f} ${String(got[f])} (${timestampUnit(got[f])})`,
    );
    const units = new Set((['created_at', 'updated_at', 'expires_at'] as const).map((f) => timestampUnit(got[f])));
    const verdict = units.size === 1 ? [...units][0] : 'mixed units';
    c.observe({
      question: 'unit of created_at, updated_at and expires_at, inferred from their magnitude',
      observed: `${verdict}: ${fields.join(', ')}`,
    });
  },
);
