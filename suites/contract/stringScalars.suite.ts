/**
 * Booleans and numbers sent as strings (docs/decisions.md #30): `"true"` for a boolean and `"3600"` for a number are
 * wrongly typed fields, answered with 400 — a target that coerces them (a validator's type coercion) accepts input
 * the docs type otherwise. Every field and value is tried: the cases are few, and a coercing target may coerce only
 * some fields.
 */
import { check } from '../../src/suite/index.js';
import { minimalOidcBody } from '../support/clientBodies.js';
import { clientsSession, postClient, putClient, sessionWithClient } from '../support/clients.js';

/** The booleans the createclient page of the current docs types (docs/facts.md §2.0.1). */
const DOCUMENTED_BOOLEANS = ['sync_id_token_claims_to_userinfo', 'is_third_party'];
/** The update body's booleans and numbers (mirror-only, like the whole update body). */
const UPDATE_SCALARS: ReadonlyArray<readonly [string, string]> = [
  ...DOCUMENTED_BOOLEANS.map((field) => [field, 'true'] as const),
  ['enforce_par', 'false'],
  ['fapi_version_compliancy', 'true'],
  ['session_expiration', '3600'],
  ['consent_validity_period', '30'],
];

check(
  {
    requirement: 'CLIENTS-CREATE-STRING-SCALAR-400',
    title: 'a documented boolean sent as "true" or "false" is answered with 400',
  },
  async (c) => {
    const session = await clientsSession(c);
    for (const field of DOCUMENTED_BOOLEANS) {
      for (const value of ['true', 'false']) {
        const { res } = await postClient(c, session.token, {
          ...minimalOidcBody(c.fixtures.id('typed')),
          [field]: value,
        });
        c.expect.that(res.status === 400, {
          expected: `400 for ${field}: ${JSON.stringify(value)}`,
          observed: `status ${res.status}`,
        });
      }
    }
  },
);

check(
  {
    requirement: 'CLIENTS-UPDATE-STRING-SCALAR-400',
    title: 'a boolean or number sent as a string in a PUT body is answered with 400',
  },
  async (c) => {
    const { session, created } = await sessionWithClient(c);
    for (const [field, value] of UPDATE_SCALARS) {
      const { res } = await putClient(c, session.token, created.id, { [field]: value });
      c.expect.that(res.status === 400, {
        expected: `400 for ${field}: ${JSON.stringify(value)}`,
        observed: `status ${res.status}`,
      });
    }
  },
);
