/**
 * The pact suite's response matcher and request builder. The matcher re-implements the part of Pact's matching
 * our contracts use, so its verdicts are checked against Pact's own verifier on crafted responses (a fake
 * provider on 127.0.0.1 answers each one); every consumer of the contracts has a token rule in src/pact/consumers.ts.
 * Besides the committed contracts, a fixture keeps interactions of an earlier, richer version (a full client body
 * with dates, enums and nested objects; equality; any success status), so the matcher stays right on rules the
 * committed contracts no longer use.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Verifier, type VerifierOptions } from '@pact-foundation/pact';
import type { StateHandlers } from '@pact-foundation/pact/src/dsl/verifier/proxy/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPackageRoot } from '../../src/engine/index.js';
import { CONSUMER_TOKENS } from '../../src/pact/consumers.js';
import { loadCatalog } from '../../src/catalog/catalog.js';
import {
  operationKeyOf,
  readContractInteractions,
  type ContractInteraction,
} from '../../suites/pact/support/contractInteractions.js';
import {
  bodyMismatches,
  headerMismatches,
  parseRulePath,
  statusMismatch,
} from '../../suites/pact/support/pactMatching.js';
import { buildRequest } from '../../suites/pact/support/replay.js';

const root = findPackageRoot();
const catalog = loadCatalog(root);
const FIXTURE_ROOT = fileURLToPath(new URL('./fixtures/pactMatching/', import.meta.url));
const committed = readContractInteractions(root, catalog);
const fixtures = readContractInteractions(FIXTURE_ROOT, catalog);
const interactions = [...committed, ...fixtures];
const find = (list: readonly ContractInteraction[], description: string) => {
  const found = list.find((i) => i.description === description);
  if (!found) throw new Error(`no interaction "${description}"`);
  return found;
};
const byDescription = (description: string) => find(fixtures, description);
const GET_CLIENT = byDescription('a request to get the default client');
const LIST_CONSENTS = byDescription('a request to list the consents of an app');
const REVOKE = byDescription('a request from a user to revoke one consent to a client');
const UNKNOWN_CLIENT = byDescription('a request to get an unknown client');
const GET_CONSENT = find(committed, 'a request to get a consent');
const OPEN_CLIENT = find(committed, 'a request to get the default client');
const CREATE_INVALID = find(committed, 'a request to create a client without a name');

type Json = Record<string, unknown>;
const expectedBody = (i: ContractInteraction) => structuredClone((i.response['body'] as Json)['content']) as Json;

/** The matcher's verdict on a whole response. */
function replayAccepts(i: ContractInteraction, status: number, contentType: string, body: unknown): boolean {
  return (
    statusMismatch(i.response, status) === null &&
    headerMismatches(i.response, { 'content-type': contentType }).length === 0 &&
    bodyMismatches(i.response, body).length === 0
  );
}

describe('replay matcher', () => {
  it('accepts every contract response as its own example', () => {
    for (const i of interactions) {
      const status = Number(i.response['status']);
      const body = (i.response['body'] as Json | undefined)?.['content'];
      expect(replayAccepts(i, status, 'application/json', body), i.description).toBe(true);
    }
  });

  it('names where the body breaks the contract', () => {
    const body = expectedBody(GET_CLIENT);
    (body['result'] as Json)['session_expiration'] = '5';
    delete (body['result'] as Json)['name'];
    expect(bodyMismatches(GET_CLIENT.response, body)).toEqual([
      '$.result.name: missing',
      '$.result.session_expiration: expected a number but was "5"',
    ]);
    expect(bodyMismatches(LIST_CONSENTS.response, { result: [] })).toEqual([
      '$.result: expected at least 1 items but was 0',
    ]);
  });

  it('refuses a rule it does not implement instead of passing it', () => {
    const response = {
      status: 200,
      body: { content: { a: 1 } },
      matchingRules: { body: { '$.a': { matchers: [{ match: 'semver' }] } } },
    };
    expect(bodyMismatches(response, { a: 1 })).toEqual([
      "$.a: uses the matcher 'semver', which this replay does not implement",
    ]);
    expect(() => parseRulePath('result.a')).toThrow(/unsupported matching-rule path/);
    expect(parseRulePath("$.result[*]['odd key'][0]")).toEqual(['result', '*', 'odd key', '0']);
  });
});

describe('replay matcher agrees with the Pact verifier', () => {
  let server: Server;
  let url = '';
  let answer = { status: 200, contentType: 'application/json', body: '' };
  const dir = mkdtempSync(join(tmpdir(), 'cis-pact-matching-'));

  beforeAll(async () => {
    server = createServer((req, res) => {
      req.resume();
      req.on('end', () => res.writeHead(answer.status, { 'content-type': answer.contentType }).end(answer.body));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    rmSync(dir, { recursive: true, force: true });
  });

  /** Pact's verdict: one-interaction pact, a provider that answers `status`/`body`, states that give ids. */
  async function pactAccepts(
    i: ContractInteraction,
    status: number,
    contentType: string,
    body: unknown,
  ): Promise<boolean> {
    const file = join(dir, `${i.consumer}.json`);
    const from = fixtures.includes(i) ? FIXTURE_ROOT : root;
    const pact = JSON.parse(readFileSync(join(from, 'contracts', `${i.consumer}-cis-api.json`), 'utf8')) as Json;
    const original = (pact['interactions'] as Json[]).find((x) => x['description'] === i.description);
    writeFileSync(file, JSON.stringify({ ...pact, interactions: [original] }));
    answer = { status, contentType, body: body === undefined ? '' : JSON.stringify(body) };
    const ids = async () => ({ client_id: 'c1', consent_id: 'k1', user_id: 'u1', app_id: 'a1' });
    const stateHandlers: StateHandlers = { 'an app exists': ids, 'a consent exists': ids };
    const verifier = new Verifier({
      provider: 'cis-api',
      providerBaseUrl: url,
      pactUrls: [file],
      logLevel: 'error',
      stateHandlers: stateHandlers as VerifierOptions['stateHandlers'],
    });
    return verifier.verifyProvider().then(
      () => true,
      () => false,
    );
  }

  const client = (change: (result: Json) => void) => {
    const body = expectedBody(GET_CLIENT);
    change(body['result'] as Json);
    return body;
  };
  const twoConsents = () => [
    ...(expectedBody(LIST_CONSENTS)['result'] as Json[]),
    ...(expectedBody(LIST_CONSENTS)['result'] as Json[]),
  ];
  const json = 'application/json';
  /** Name, whether Pact accepts it, the interaction, and the response: status, content type, body. */
  const cases: [string, boolean, ContractInteraction, number, string, unknown][] = [
    ['an extra key', true, GET_CLIENT, 200, json, client((r) => (r['extra'] = 1))],
    [
      'a filled object where the example is empty',
      true,
      GET_CLIENT,
      200,
      json,
      client((r) => (r['token_expiration'] = { a: 1 })),
    ],
    ['a string for a number', false, GET_CLIENT, 200, json, client((r) => (r['session_expiration'] = '5'))],
    ['a missing key', false, GET_CLIENT, 200, json, client((r) => delete r['name'])],
    [
      'another value under an equality rule',
      false,
      GET_CLIENT,
      200,
      json,
      client((r) => (r['authentication_protocol'] = 'saml')),
    ],
    ['a non-date under a date regex', false, GET_CLIENT, 200, json, client((r) => (r['created_at'] = 'yesterday'))],
    ['an empty list where min is 0', true, GET_CLIENT, 200, json, client((r) => (r['redirect_uris'] = []))],
    ['a longer list', true, GET_CLIENT, 200, json, client((r) => (r['redirect_uris'] = ['a', 'b', 'c']))],
    ['numbers in a list of strings', false, GET_CLIENT, 200, json, client((r) => (r['redirect_uris'] = [1]))],
    ['null for an object', false, GET_CLIENT, 200, json, client((r) => (r['ciba_authorization'] = null))],
    ['a decimal for a number', true, GET_CLIENT, 200, json, client((r) => (r['session_expiration'] = 1.5))],
    [
      'a charset on the content type',
      true,
      GET_CLIENT,
      200,
      'application/json; charset=utf-8',
      expectedBody(GET_CLIENT),
    ],
    ['another content type', false, GET_CLIENT, 200, 'text/plain', expectedBody(GET_CLIENT)],
    ['another status', false, GET_CLIENT, 201, json, expectedBody(GET_CLIENT)],
    ['an empty list where min is 1', false, LIST_CONSENTS, 200, json, { result: [] }],
    ['two items where min is 1', true, LIST_CONSENTS, 200, json, { result: twoConsents() }],
    ['204 where any success will do', true, REVOKE, 204, json, undefined],
    ['400 where any success will do', false, REVOKE, 400, json, undefined],
    ['another error_code', false, UNKNOWN_CLIENT, 404, json, { ...expectedBody(UNKNOWN_CLIENT), error_code: 400 }],
    // The committed contracts: a provider that adds or omits what the consumer does not read still passes.
    [
      'a consent with unread fields left out and optional or unknown ones added',
      true,
      GET_CONSENT,
      200,
      json,
      { result: { consent_id: 'k1', scope: 'openid', expires_at: 1, client_name: 'Portal', extra: true } },
    ],
    ['a consent without a field the consumer reads', false, GET_CONSENT, 200, json, { result: { consent_id: 'k1' } }],
    ['a bare client (the envelope is inferred)', true, OPEN_CLIENT, 200, json, { client_id: 'c1', name: 'n' }],
    [
      'an enveloped client with device_authorization but none of its URIs',
      true,
      OPEN_CLIENT,
      200,
      json,
      { result: { client_id: 'c1', device_authorization: { enabled: false } } },
    ],
    ['a 400 message as a string', true, CREATE_INVALID, 400, json, { message: 'Bad request', error_code: 400 }],
    ['a 400 message as a list of strings', true, CREATE_INVALID, 400, json, { message: ['name'], error_code: 400 }],
  ];

  it.each(cases)('on %s (accepted: %s)', async (_name, accepted, interaction, status, contentType, body) => {
    expect(await pactAccepts(interaction, status, contentType, body)).toBe(accepted);
    expect(replayAccepts(interaction, status, contentType, body)).toBe(accepted);
  });
});

describe('replay requests and tokens', () => {
  it('has a token rule for the consumer of every committed interaction, from src/pact/consumers.ts', () => {
    expect(committed.length).toBeGreaterThan(0);
    for (const { consumer } of committed) expect(CONSUMER_TOKENS[consumer], consumer).toBeDefined();
  });

  it('maps each request to its operation, preferring literal path segments', () => {
    expect(operationKeyOf('GET', '/v1/consents/me')).toBe('ME-CONSENTS-LIST');
    expect(operationKeyOf('GET', '/v1/consents/abc')).toBe('CONSENTS-GET');
    expect(operationKeyOf('PATCH', '/v1/clients')).toBeUndefined();
  });

  it('fills path, query and body from the provider-state values, URI-encoding path values', () => {
    expect(buildRequest(REVOKE.request, { client_id: 'c/1', consent_id: 'k 1' })).toEqual({
      method: 'DELETE',
      path: '/v1/consents/me/clients/c%2F1',
      query: { consent_id: 'k 1' },
    });
    const duplicate = byDescription("a request to create a client named like the app's default client");
    expect(buildRequest(duplicate.request, { client_name: 'Default of X' })).toMatchObject({
      method: 'POST',
      path: '/v1/clients',
      body: { name: 'Default of X' },
    });
    expect(() => buildRequest(REVOKE.request, {})).toThrow(/no value for \$\{client_id\}/);
  });
});
