/**
 * The standalone issuer (docs/design.md §2.2): `POST /oidc/token`, `GET /oidc/jwks` and
 * `GET /.well-known/openid-configuration`, for targets that fetch keys by URL or exercise the token flow.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadClients, type RegisteredClient } from './clients.js';
import { SIGNING_ALG } from './keys.js';
import { createMinter, type Minter } from './minter.js';
import { handleTokenRequest, type EndpointResponse } from './tokenEndpoint.js';
import { BodyTooLarge, readCappedBody } from './requestBody.js';

export const TOKEN_PATH = '/oidc/token';
export const JWKS_PATH = '/oidc/jwks';
export const DISCOVERY_PATH = '/.well-known/openid-configuration';
/** A token request is a few hundred bytes; anything near this is not one. */
const MAX_BODY_BYTES = 64 * 1024;

export interface IssuerOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0 (a free port). */
  port?: number;
  packageRoot: string;
  /** The `iss` of every token; default https://userid.security. */
  iss?: string;
  /** Absolute, or relative to packageRoot; default fixtures/issuer-clients.json. */
  clientsFile?: string;
}

export interface RunningIssuer {
  /** Base URL, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  readonly tokenUrl: string;
  readonly jwksUrl: string;
  readonly discoveryUrl: string;
  readonly iss: string;
  /** The registered client ids (never their secrets). */
  readonly clientIds: readonly string[];
  close(): Promise<void>;
}

function send(response: ServerResponse, { status, body, headers }: EndpointResponse): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

/**
 * `issuer` is the tokens' `iss` (Transmit's, by default), not this server's URL: targets keep their issuer check
 * and only point their JWKS here. OIDC discovery would want the two equal; for a test issuer the contract wins.
 */
function discoveryDocument(baseUrl: string, iss: string): Record<string, unknown> {
  return {
    issuer: iss,
    token_endpoint: baseUrl + TOKEN_PATH,
    jwks_uri: baseUrl + JWKS_PATH,
    grant_types_supported: ['client_credentials'],
    token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
    id_token_signing_alg_values_supported: [SIGNING_ALG],
    subject_types_supported: ['public'],
    claims_supported: [
      'sub',
      'iss',
      'aud',
      'iat',
      'exp',
      'nbf',
      'jti',
      'scope',
      'client_id',
      'app_id',
      'app_name',
      'tid',
      'roles',
      'role',
      'ts_roles',
      'ts_permissions',
    ],
  };
}

const ROUTES: Record<string, string> = { [TOKEN_PATH]: 'POST', [JWKS_PATH]: 'GET', [DISCOVERY_PATH]: 'GET' };

async function route(
  request: IncomingMessage,
  baseUrl: string,
  minter: Minter,
  clients: readonly RegisteredClient[],
): Promise<EndpointResponse> {
  const path = new URL(request.url ?? '/', 'http://issuer').pathname;
  const method = ROUTES[path];
  if (!method) return { status: 404, body: { error: 'not_found', error_description: `no route ${path}` } };
  if (request.method !== method && !(method === 'GET' && request.method === 'HEAD')) {
    return {
      status: 405,
      body: { error: 'method_not_allowed', error_description: `${path} takes ${method}` },
      headers: { allow: method },
    };
  }
  if (path === JWKS_PATH) return { status: 200, body: minter.jwks() };
  if (path === DISCOVERY_PATH) return { status: 200, body: discoveryDocument(baseUrl, minter.iss) };
  const body = (await readCappedBody(request, MAX_BODY_BYTES)).toString('utf8');
  return handleTokenRequest(
    { contentType: request.headers['content-type'], authorization: request.headers.authorization, body },
    clients,
    minter,
  );
}

function formatUrl(address: AddressInfo, requestedHost: string): string {
  const wildcard = requestedHost === '0.0.0.0' || requestedHost === '::';
  const host = wildcard ? '127.0.0.1' : address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}

export async function startIssuer(options: IssuerOptions): Promise<RunningIssuer> {
  const minter = await createMinter({ packageRoot: options.packageRoot, ...(options.iss ? { iss: options.iss } : {}) });
  const clients = await loadClients(options.packageRoot, options.clientsFile);
  const host = options.host ?? '127.0.0.1';
  let baseUrl = '';
  const server = createServer((request, response) => {
    route(request, baseUrl, minter, clients).then(
      (result) => send(response, result),
      (error: unknown) =>
        error instanceof BodyTooLarge
          ? send(response, {
              status: 413,
              body: { error: 'invalid_request', error_description: `body over ${MAX_BODY_BYTES} bytes` },
              headers: { connection: 'close' },
            })
          : send(response, {
              status: 500,
              body: { error: 'server_error', error_description: (error as Error).message },
            }),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  baseUrl = formatUrl(server.address() as AddressInfo, host);
  return {
    url: baseUrl,
    tokenUrl: baseUrl + TOKEN_PATH,
    jwksUrl: baseUrl + JWKS_PATH,
    discoveryUrl: baseUrl + DISCOVERY_PATH,
    iss: minter.iss,
    clientIds: clients.map((client) => client.client_id),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
