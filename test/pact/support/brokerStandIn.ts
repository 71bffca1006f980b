/**
 * A Pact Broker stand-in on 127.0.0.1 that speaks just enough of the broker's HAL API for the calls the harness
 * makes, and records what it receives:
 *
 * - `GET /` (the index) with the relations the Verifier and the Pact CLI navigate;
 * - pacts for verification (`pb:provider-pacts-for-verification`: GET, then POST with the selectors body), serving
 *   the pacts of a contracts folder, some of them marked pending;
 * - each pact (`GET`), carrying `pb:publish-verification-results` and `pb:provider` links;
 * - the provider's branch version (`PUT /pacticipants/P/branches/B/versions/V`, sent before a result);
 * - verification-result publication (`POST .../verification-results`);
 * - provider-contract publication (`POST /provider-contracts/provider/P/publish`, PactFlow's bi-directional API);
 * - can-i-deploy (`GET /can-i-deploy?...` and `GET /matrix?...`) and record-deployment (environments, the
 *   pacticipant version and its `pb:record-deployment` relation).
 *
 * Built from the documented API and the request shapes the real clients sent to it (the fixture
 * test/pact/fixtures/broker-requests.json). A credential, when set, is checked on every request (401 otherwise).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { listPactFiles } from '../../../src/pact/pactFiles.js';

export interface ReceivedRequest {
  readonly method: string;
  /** Path and query, as sent. */
  readonly path: string;
  readonly authorization?: string;
  readonly body: string;
}

export interface PublishedResult {
  readonly consumer: string;
  readonly provider: string;
  readonly pactVersion: string;
  readonly providerApplicationVersion: unknown;
  /** The branch the Verifier put for that provider version before publishing (undefined: none). */
  readonly branch?: string;
  readonly success: unknown;
  readonly testResults: unknown;
  readonly body: Record<string, unknown>;
}

export interface BrokerStandInOptions {
  /** The pacts served for verification. */
  readonly contractsDir: string;
  /** Consumers whose pact the broker reports as pending (when the request asks for the pending status). */
  readonly pending?: readonly string[];
  /** Expected `Authorization` header value; every request without it gets 401. */
  readonly authorization?: string;
  /** What `/can-i-deploy` and `/matrix` answer. Default: deployable. */
  readonly deployable?: boolean;
  readonly provider?: string;
}

export interface BrokerStandIn {
  readonly url: string;
  readonly received: ReceivedRequest[];
  /** The bodies of the pacts-for-verification POSTs. */
  readonly forVerification: Record<string, unknown>[];
  readonly results: PublishedResult[];
  /** `{provider, version, branch}` of each branch-version PUT. */
  readonly branches: { provider: string; version: string; branch: string }[];
  readonly providerContracts: { provider: string; body: Record<string, unknown> }[];
  readonly deployments: { pacticipant: string; version: string; environment: string; body: unknown }[];
  clear(): void;
  close(): Promise<void>;
}

type Json = Record<string, unknown>;

const PROVIDER = 'cis-api';
const ENVIRONMENTS = [
  { uuid: 'e-test', name: 'test', displayName: 'Test', production: false },
  { uuid: 'e-prod', name: 'production', displayName: 'Production', production: true },
];

const enc = encodeURIComponent;

export async function startBrokerStandIn(options: BrokerStandInOptions): Promise<BrokerStandIn> {
  const provider = options.provider ?? PROVIDER;
  const pacts = listPactFiles(options.contractsDir).map((file) => {
    const text = readFileSync(file.path, 'utf8');
    const version = createHash('sha1').update(text).digest('hex').slice(0, 12);
    // A broker serves each interaction with an `_id`, which the Verifier echoes in the published test results.
    const json = JSON.parse(text) as Json;
    const interactions = (Array.isArray(json['interactions']) ? json['interactions'] : []) as Json[];
    json['interactions'] = interactions.map((interaction, i) => ({
      _id: createHash('sha1').update(`${version}/${i}`).digest('hex').slice(0, 16),
      ...interaction,
    }));
    return { consumer: file.consumer, provider: file.provider, version, json };
  });
  const received: ReceivedRequest[] = [];
  const forVerification: Json[] = [];
  const results: PublishedResult[] = [];
  const branches: BrokerStandIn['branches'] = [];
  const providerContracts: BrokerStandIn['providerContracts'] = [];
  const deployments: BrokerStandIn['deployments'] = [];
  const branchOf = new Map<string, string>();
  let base = '';

  const link = (href: string, extra: Json = {}) => ({ href: `${base}${href}`, ...extra });
  const pactPath = (p: (typeof pacts)[number]) =>
    `/pacts/provider/${enc(p.provider)}/consumer/${enc(p.consumer)}/pact-version/${p.version}`;

  const index = (): Json => ({
    _links: {
      self: link('/'),
      'pb:publish-contracts': link('/contracts/publish', { title: 'Publish contracts' }),
      'pb:provider-pacts-for-verification': link('/pacts/provider/{provider}/for-verification', {
        templated: true,
        title: 'Pact versions to be verified for the specified provider',
      }),
      'pf:publish-provider-contract': link('/provider-contracts/provider/{provider}/publish', { templated: true }),
      'pb:pacticipant': link('/pacticipants/{pacticipant}', { templated: true }),
      'pb:pacticipant-version': link('/pacticipants/{pacticipant}/versions/{version}', { templated: true }),
      'pb:environments': link('/environments'),
      'pb:environment': link('/environments/{uuid}', { templated: true }),
      'pb:can-i-deploy-pacticipant-version-to-environment': link(
        '/can-i-deploy?pacticipant={pacticipant}&version={version}&environment={environment}',
        { templated: true },
      ),
    },
  });

  const pactsForVerification = (body: Json): Json => {
    forVerification.push(body);
    const withPending = body['includePendingStatus'] === true;
    return {
      _embedded: {
        pacts: pacts.map((p) => {
          const pending = withPending && (options.pending ?? []).includes(p.consumer);
          return {
            shortDescription: `latest from ${p.consumer}'s main branch`,
            verificationProperties: {
              ...(withPending ? { pending } : {}),
              notices: [
                {
                  when: 'before_verification',
                  text: `The pact at ${base}${pactPath(p)} is being verified because it matches the given selectors`,
                },
                ...(withPending
                  ? [
                      {
                        when: 'before_verification',
                        text: pending
                          ? 'This pact is in pending state for this version of cis-api: a failure will not fail the build'
                          : 'This pact is not in pending state: a failure will fail the build',
                      },
                    ]
                  : []),
              ],
            },
            _links: { self: link(pactPath(p), { name: `Pact between ${p.consumer} and ${p.provider}` }) },
          };
        }),
      },
      _links: { self: link(`/pacts/provider/${enc(provider)}/for-verification`) },
    };
  };

  const pacticipant = (name: string): Json => ({
    name,
    _links: {
      self: link(`/pacticipants/${enc(name)}`),
      'pb:branch-version': link(`/pacticipants/${enc(name)}/branches/{branch}/versions/{version}`, {
        templated: true,
      }),
      'pb:version-tag': link(`/pacticipants/${enc(name)}/versions/{version}/tags/{tag}`, { templated: true }),
      'pb:version': link(`/pacticipants/${enc(name)}/versions/{version}`, { templated: true }),
    },
  });

  const version = (name: string, number: string): Json => ({
    number,
    _links: {
      self: link(`/pacticipants/${enc(name)}/versions/${enc(number)}`),
      'pb:pacticipant': link(`/pacticipants/${enc(name)}`, { name }),
      'pb:record-deployment': ENVIRONMENTS.map((e) =>
        link(`/pacticipants/${enc(name)}/versions/${enc(number)}/deployed-versions/environment/${e.uuid}`, {
          name: e.name,
          title: `Record deployment to ${e.displayName}`,
        }),
      ),
    },
  });

  const matrix = (query: URLSearchParams): Json => {
    const deployable = options.deployable ?? true;
    const reason = deployable
      ? 'All required verification results are published and successful'
      : 'The verification for the pact between the version of cis-admin-console and cis-api failed';
    const name = query.get('pacticipant') ?? query.get('q[][pacticipant]') ?? 'unknown';
    const number = query.get('version') ?? query.get('q[][version]') ?? 'unknown';
    return {
      summary: { deployable, reason, success: deployable ? 1 : 0, failed: deployable ? 0 : 1, unknown: 0 },
      notices: [{ type: deployable ? 'success' : 'error', text: reason }],
      matrix: [
        {
          consumer: { name, version: { number } },
          provider: { name: provider, version: { number: 'p1' } },
          verificationResult: { success: deployable, verifiedAt: '2026-01-01T00:00:00+00:00' },
          pact: { createdAt: '2026-01-01T00:00:00+00:00' },
        },
      ],
    };
  };

  const route = (method: string, url: URL, body: string): { status: number; json: unknown } => {
    const path = url.pathname.replace(/\/+$/, '') || '/';
    const parse = (): Json => (body ? (JSON.parse(body) as Json) : {});
    if (method === 'GET' && path === '/') return { status: 200, json: index() };
    const forVerificationPath = path.match(/^\/pacts\/provider\/([^/]+)\/for-verification$/);
    if (forVerificationPath) {
      if (decodeURIComponent(forVerificationPath[1] ?? '') !== provider) return { status: 404, json: {} };
      if (method === 'GET') return { status: 200, json: { _links: { self: link(path) } } };
      if (method === 'POST') return { status: 200, json: pactsForVerification(parse()) };
    }
    const pactMatch = path.match(
      /^\/pacts\/provider\/[^/]+\/consumer\/([^/]+)\/pact-version\/(\w+)(\/verification-results)?$/,
    );
    if (pactMatch) {
      const pact = pacts.find(
        (p) => p.consumer === decodeURIComponent(pactMatch[1] ?? '') && p.version === pactMatch[2],
      );
      if (!pact) return { status: 404, json: {} };
      if (method === 'GET' && !pactMatch[3]) {
        return {
          status: 200,
          json: {
            ...pact.json,
            _links: {
              self: link(pactPath(pact)),
              'pb:provider': link(`/pacticipants/${enc(pact.provider)}`, { name: pact.provider }),
              'pb:consumer': link(`/pacticipants/${enc(pact.consumer)}`, { name: pact.consumer }),
              'pb:publish-verification-results': link(`${pactPath(pact)}/verification-results`, {
                title: 'Publish verification results',
              }),
            },
          },
        };
      }
      if (method === 'POST' && pactMatch[3]) {
        const sent = parse();
        const versionNumber = String(sent['providerApplicationVersion'] ?? '');
        const branch = branchOf.get(`${pact.provider}@${versionNumber}`);
        results.push({
          consumer: pact.consumer,
          provider: pact.provider,
          pactVersion: pact.version,
          providerApplicationVersion: sent['providerApplicationVersion'],
          ...(branch !== undefined ? { branch } : {}),
          success: sent['success'],
          testResults: sent['testResults'],
          body: sent,
        });
        return { status: 201, json: { ...sent, _links: { self: link(`${path}/${results.length}`) } } };
      }
    }
    const branchVersion = path.match(/^\/pacticipants\/([^/]+)\/branches\/([^/]+)\/versions\/([^/]+)$/);
    if (branchVersion && method === 'PUT') {
      const [name, branch, number] = branchVersion.slice(1).map((s) => decodeURIComponent(s ?? ''));
      branches.push({ provider: name ?? '', version: number ?? '', branch: branch ?? '' });
      branchOf.set(`${name}@${number}`, branch ?? '');
      return { status: 200, json: { name: branch, _links: { self: link(path) } } };
    }
    const deployed = path.match(
      /^\/pacticipants\/([^/]+)\/versions\/([^/]+)\/deployed-versions\/environment\/([\w-]+)$/,
    );
    if (deployed && method === 'POST') {
      const [name, number, uuid] = deployed.slice(1).map((s) => decodeURIComponent(s ?? ''));
      const environment = ENVIRONMENTS.find((e) => e.uuid === uuid)?.name ?? String(uuid);
      deployments.push({
        pacticipant: name ?? '',
        version: number ?? '',
        environment,
        body: body ? JSON.parse(body) : {},
      });
      return {
        status: 201,
        json: {
          uuid: `d${deployments.length}`,
          currentlyDeployed: true,
          _embedded: {
            version: version(name ?? '', number ?? ''),
            environment: ENVIRONMENTS.find((e) => e.uuid === uuid),
          },
          _links: { self: link(`/deployed-versions/d${deployments.length}`) },
        },
      };
    }
    const versionMatch = path.match(/^\/pacticipants\/([^/]+)\/versions\/([^/]+)$/);
    if (versionMatch && method === 'GET') {
      return {
        status: 200,
        json: version(decodeURIComponent(versionMatch[1] ?? ''), decodeURIComponent(versionMatch[2] ?? '')),
      };
    }
    const pacticipantMatch = path.match(/^\/pacticipants\/([^/]+)$/);
    if (pacticipantMatch && method === 'GET')
      return { status: 200, json: pacticipant(decodeURIComponent(pacticipantMatch[1] ?? '')) };
    if (path === '/environments' && method === 'GET') {
      return {
        status: 200,
        json: {
          _embedded: {
            environments: ENVIRONMENTS.map((e) => ({ ...e, _links: { self: link(`/environments/${e.uuid}`) } })),
          },
          _links: { self: link('/environments') },
        },
      };
    }
    const environmentMatch = path.match(/^\/environments\/([\w-]+)$/);
    if (environmentMatch && method === 'GET') {
      const e = ENVIRONMENTS.find((x) => x.uuid === environmentMatch[1]);
      return e ? { status: 200, json: { ...e, _links: { self: link(path) } } } : { status: 404, json: {} };
    }
    const contractMatch = path.match(/^\/provider-contracts\/provider\/([^/]+)\/publish$/);
    if (contractMatch && method === 'POST') {
      const name = decodeURIComponent(contractMatch[1] ?? '');
      const sent = parse();
      providerContracts.push({ provider: name, body: sent });
      return {
        status: 200,
        json: {
          notices: [
            {
              type: 'success',
              text: `Published provider contract for ${name} version ${String(sent['pacticipantVersionNumber'] ?? '')}`,
            },
          ],
          _embedded: { version: { number: sent['pacticipantVersionNumber'] } },
          _links: {
            'pb:pacticipant': link(`/pacticipants/${enc(name)}`, { name }),
            'pb:pacticipant-version': link(
              `/pacticipants/${enc(name)}/versions/${enc(String(sent['pacticipantVersionNumber'] ?? ''))}`,
            ),
            'pb:pacticipant-version-tags': [],
            'pb:branch-version': link(
              `/pacticipants/${enc(name)}/branches/${enc(String(sent['branch'] ?? ''))}/versions/${enc(String(sent['pacticipantVersionNumber'] ?? ''))}`,
            ),
          },
        },
      };
    }
    if ((path === '/can-i-deploy' || path === '/matrix') && method === 'GET') {
      return { status: 200, json: matrix(url.searchParams) };
    }
    return { status: 404, json: { error: `the stand-in does not know ${method} ${path}` } };
  };

  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const path = req.url ?? '/';
      received.push({
        method: req.method ?? '',
        path,
        ...(req.headers.authorization !== undefined ? { authorization: req.headers.authorization } : {}),
        body,
      });
      let answer: { status: number; json: unknown };
      if (options.authorization !== undefined && req.headers.authorization !== options.authorization) {
        answer = { status: 401, json: { error: 'unauthorized' } };
      } else {
        try {
          answer = route(req.method ?? 'GET', new URL(path, base), body);
        } catch (error) {
          answer = { status: 400, json: { error: (error as Error).message } };
        }
      }
      res.writeHead(answer.status, { 'content-type': 'application/hal+json' }).end(JSON.stringify(answer.json));
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: base,
    received,
    forVerification,
    results,
    branches,
    providerContracts,
    deployments,
    clear() {
      for (const list of [received, forVerification, results, branches, providerContracts, deployments])
        list.length = 0;
      branchOf.clear();
    },
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
