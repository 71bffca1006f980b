/**
 * A minimal suite that exercises the whole pipeline end to end (target → check → record → report).
 * The real suites live beside it; this one stays small and stable because the engine's own tests run it.
 */
import { check, type TargetResponse } from '../../src/suite/index.js';
import { cisOf } from '../support/cis.js';
import { OP } from '../support/operationAuth.js';
import { fullAccessToken } from '../support/ownerAccess.js';

/** The Clients envelope is inferred (docs/decisions.md #1): validate the inner client either way. */
function unwrapped(res: TargetResponse): TargetResponse {
  const body = res.json as { result?: unknown } | undefined;
  return body && typeof body === 'object' && 'result' in body ? { ...res, json: body.result } : res;
}

check({ requirement: 'CLIENTS-CREATE-201', title: 'smoke: a valid create answers 201 with the client' }, async (c) => {
  const app = await c.fixtures.app();
  // The whole permission list: accepted whether a target reads the list as any-of (inferred) or all-of.
  const token = await fullAccessToken(c, app, OP.CLIENTS_CREATE);
  const { response: res } = await cisOf(c).createClient(token, {
    name: c.fixtures.id('smoke-client'),
    redirect_uris: ['https://app.example.test/callback'],
  });
  c.expect.status(res, 201);
  c.expect.schema(res, 'client-single.envelope.schema.json', { requirement: 'CLIENTS-CREATE-201-ENVELOPE' });
  c.expect.schema(unwrapped(res), 'client.schema.json', { requirement: 'CLIENTS-CREATE-201-BODY' });
});

check(
  { requirement: 'CLIENTS-CREATE-201-SECRET', title: 'smoke: the created client carries a client_secret' },
  async (c) => {
    const app = await c.fixtures.app();
    const token = await fullAccessToken(c, app, OP.CLIENTS_CREATE);
    const { response: res } = await cisOf(c).createClient(token, {
      name: c.fixtures.id('smoke-secret'),
      redirect_uris: ['https://app.example.test/cb'],
    });
    c.expect.status(res, 201, { requirement: 'CLIENTS-CREATE-201' });
    c.expect.schema(unwrapped(res), 'client.schema.json', { requirement: 'CLIENTS-CREATE-201-BODY' });
    const secret = (unwrapped(res).json as { client_secret?: unknown } | undefined)?.client_secret;
    c.expect.that(typeof secret === 'string' && secret.length > 0, {
      expected: 'a non-empty client_secret string',
      observed: secret === undefined ? 'no client_secret' : `client_secret of type ${typeof secret}`,
    });
  },
);

check({ requirement: 'CLIENTS-GET-404', title: 'smoke: an unknown client id answers 404' }, async (c) => {
  const app = await c.fixtures.app();
  const token = await fullAccessToken(c, app, OP.CLIENTS_GET);
  const { response: res } = await cisOf(c).getClient(token, c.fixtures.id('no-such-client'));
  c.expect.status(res, 404);
  c.expect.schema(res, 'error-404.schema.json', { requirement: 'CLIENTS-GET-404-BODY' });
});
