import nock from 'nock';
import { afterAll, describe, expect, it } from 'vitest';
import { createHttpClient } from '../../src/http/index.js';

// TOOLCHAIN §3: nock replaces undici's global dispatcher, so only a client without its own Agent is intercepted.
describe('createHttpClient with the global dispatcher', () => {
  afterAll(() => {
    nock.cleanAll();
    nock.restore();
  });

  it('is intercepted by nock', async () => {
    nock.disableNetConnect();
    nock('http://api.example.test').get('/v1/clients/x').reply(404, { message: 'not found', error_code: 404 });
    const client = createHttpClient({ timeoutMs: 1000, dispatcher: 'global' });
    const res = await client.send({ method: 'GET', url: 'http://api.example.test/v1/clients/x', headers: {} });
    expect(res).toMatchObject({ status: 404, json: { error_code: 404 } });
  });
});
