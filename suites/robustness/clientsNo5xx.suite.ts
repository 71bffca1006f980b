/**
 * Hostile input never gets a 5xx (documented: 5xx means a server fault, GUIDE api_ref_intro). Each operation gets
 * odd query strings and headers; the path operations odd ids; the body operations hostile bodies. All offenders
 * are collected and reported together, so one run shows every input that broke the target.
 */
import { check, type CheckContext, type SendRequest } from '../../src/suite/index.js';
import { minimalOidcBody } from '../support/clientBodies.js';
import { clientPath, clientResourcesPath, clientsSession, CLIENTS_PATH, createClient } from '../support/clients.js';
import { HOSTILE_HEADERS, HOSTILE_IDS, HOSTILE_QUERIES, hostileBodies } from '../support/oddInputs.js';
import { isLive } from '../support/liveNames.js';
import { OP } from '../support/operationAuth.js';

type Method = SendRequest['method'];

interface Operation {
  readonly key: string;
  readonly method: Method;
  /** The path for a client id (already encoded), or the fixed path of a collection operation. */
  readonly path: (encodedId: string) => string;
  readonly hasId: boolean;
  /** A valid body, for the operations that take one. */
  readonly validBody?: (c: CheckContext) => Record<string, unknown>;
}

const encoded = { encodedId: true } as const;
const OPERATIONS: readonly Operation[] = [
  {
    key: OP.CLIENTS_CREATE,
    method: 'POST',
    path: () => CLIENTS_PATH,
    hasId: false,
    validBody: (c) => minimalOidcBody(c.fixtures.id('hostile')),
  },
  { key: OP.CLIENTS_LIST, method: 'GET', path: () => CLIENTS_PATH, hasId: false },
  { key: OP.CLIENTS_DELETE_ALL, method: 'DELETE', path: () => CLIENTS_PATH, hasId: false },
  { key: OP.CLIENTS_GET, method: 'GET', path: (id) => clientPath(id, encoded), hasId: true },
  {
    key: OP.CLIENTS_UPDATE,
    method: 'PUT',
    path: (id) => clientPath(id, encoded),
    hasId: true,
    validBody: () => ({ description: 'hostile' }),
  },
  { key: OP.CLIENTS_DELETE, method: 'DELETE', path: (id) => clientPath(id, encoded), hasId: true },
  {
    key: OP.CLIENTS_RESOURCES,
    method: 'PUT',
    path: (id) => clientResourcesPath(id, encoded),
    hasId: true,
    validBody: () => ({ resource_ids: ['conformance-res-a'] }),
  },
];

/** Every hostile request for one operation, labelled; `existingId` is a real client of the app. */
function hostileRequests(c: CheckContext, op: Operation, existingId: string): Array<[string, SendRequest]> {
  const path = op.path(encodeURIComponent(existingId));
  const body = op.validBody?.(c);
  const base = { method: op.method, path, ...(body ? { body } : {}) };
  const requests: Array<[string, SendRequest]> = [
    ...HOSTILE_QUERIES.map((query): [string, SendRequest] => [
      `query ${query.slice(0, 40)}`,
      { ...base, path: `${path}?${query}` },
    ]),
    ...HOSTILE_HEADERS.map((h): [string, SendRequest] => [`headers: ${h.cell}`, { ...base, headers: h.headers }]),
  ];
  if (op.hasId) {
    for (const odd of HOSTILE_IDS) requests.push([`id: ${odd.cell}`, { ...base, path: op.path(odd.segment) }]);
  }
  if (body) {
    for (const raw of hostileBodies(body, { keepName: isLive(c) })) {
      const headers: Record<string, string> = raw.contentType === '' ? {} : { 'content-type': raw.contentType };
      requests.push([`body: ${raw.cell}`, { method: op.method, path, rawBody: raw.rawBody, headers }]);
    }
  } else {
    requests.push([`unexpected JSON body`, { ...base, body: { resource_ids: ['x'], name: 'x' } }]);
    requests.push([
      `unexpected XML body`,
      { ...base, rawBody: '<a>&x;</a>', headers: { 'content-type': 'application/xml' } },
    ]);
  }
  return requests;
}

for (const op of OPERATIONS) {
  check({ requirement: `${op.key}-NO-5XX`, title: 'hostile input never gets a 5xx' }, async (c) => {
    const session = await clientsSession(c);
    const { id } = await createClient(c, session);
    const offenders: string[] = [];
    const requests = hostileRequests(c, op, id);
    for (const [label, request] of requests) {
      const res = await c.send({ ...request, token: session.token });
      if (res.status >= 500) offenders.push(`${label} → ${res.status}`);
    }
    c.expect.that(offenders.length === 0, {
      expected: `no 5xx for any of ${requests.length} hostile requests`,
      observed: `${offenders.length} 5xx: ${offenders.join('; ')}`,
    });
  });
}
