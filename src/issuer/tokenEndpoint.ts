/**
 * `POST /oidc/token`: the client_credentials grant (RFC 6749 §4.4) as Transmit documents it (docs/facts.md §4.1), with the
 * standard OAuth2 error JSON (RFC 6749 §5.2). Transmit's own error bodies are unknown; standard ones are the
 * inferred choice (operations.json tokens.tokenEndpoint.responses.errors).
 */
import { DEFAULT_EXPIRES_IN_SECONDS, DEFAULT_SCOPE, expandPermissions } from './claims.js';
import { authenticateClient, type RegisteredClient } from './clients.js';
import type { Minter } from './minter.js';

export interface TokenRequest {
  readonly contentType: string | undefined;
  readonly authorization: string | undefined;
  readonly body: string;
}

export interface EndpointResponse {
  readonly status: number;
  readonly body: Record<string, unknown>;
  readonly headers?: Readonly<Record<string, string>>;
}

const FORM_TYPE = 'application/x-www-form-urlencoded';
// Tokens and errors of the token endpoint must not be cached (RFC 6749 §5.1).
const NO_STORE = { 'cache-control': 'no-store', pragma: 'no-cache' };

function oauthError(
  status: number,
  error: string,
  description: string,
  headers: Record<string, string> = {},
): EndpointResponse {
  return { status, body: { error, error_description: description }, headers: { ...NO_STORE, ...headers } };
}

/** `Authorization: Basic base64(id:secret)` (RFC 6749 §2.3.1: both parts form-urlencoded). */
function basicCredentials(header: string | undefined): { id: string; secret: string } | undefined | 'invalid' {
  if (!header) return undefined;
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header.trim());
  if (!match) return 'invalid';
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return 'invalid';
  try {
    return { id: decodeURIComponent(decoded.slice(0, colon)), secret: decodeURIComponent(decoded.slice(colon + 1)) };
  } catch {
    return 'invalid';
  }
}

function grantedScope(client: RegisteredClient, requested: string | undefined): string | undefined {
  const allowed = (client.scope ?? DEFAULT_SCOPE).split(' ').filter(Boolean);
  if (requested === undefined) return allowed.join(' ');
  const asked = requested.split(' ').filter(Boolean);
  return asked.every((scope) => allowed.includes(scope)) ? asked.join(' ') : undefined;
}

function mint(minter: Minter, client: RegisteredClient, scope: string, aud: string | undefined): Promise<string> {
  const app = {
    tenantId: client.tenant_id,
    appId: client.app_id,
    appName: client.app_name,
    clientId: client.client_id,
  };
  const common = { scope, ...(aud === undefined ? {} : { aud }) };
  switch (client.type) {
    case 'admin':
      return minter.admin({ ...app, ...common, roles: client.roles });
    case 'user':
      return minter.user({ ...app, ...common, userId: client.user_id!, roles: client.roles });
    case 'client':
      return minter.client({
        ...app,
        ...common,
        roles: client.roles,
        permissions: expandPermissions(client.permissions, client.app_id),
      });
  }
}

export async function handleTokenRequest(
  request: TokenRequest,
  clients: readonly RegisteredClient[],
  minter: Minter,
): Promise<EndpointResponse> {
  const mediaType = request.contentType?.split(';')[0]?.trim().toLowerCase();
  if (mediaType !== FORM_TYPE) {
    return oauthError(
      400,
      'invalid_request',
      `the body must be ${FORM_TYPE}, got ${request.contentType ?? 'no content-type'}`,
    );
  }
  const form = new URLSearchParams(request.body);
  const repeated = [...new Set(form.keys())].find((name) => form.getAll(name).length > 1);
  if (repeated) return oauthError(400, 'invalid_request', `parameter '${repeated}' is repeated`);
  const grantType = form.get('grant_type');
  if (!grantType) return oauthError(400, 'invalid_request', "missing parameter 'grant_type'");
  if (grantType !== 'client_credentials') {
    return oauthError(
      400,
      'unsupported_grant_type',
      `grant_type '${grantType}' is not supported; use client_credentials`,
    );
  }
  const basic = basicCredentials(request.authorization);
  const challenge = request.authorization ? { 'www-authenticate': 'Basic realm="cis-conformance issuer"' } : undefined;
  if (basic === 'invalid') return oauthError(401, 'invalid_client', 'malformed Basic authorization header', challenge);
  if (basic && (form.has('client_secret') || (form.has('client_id') && form.get('client_id') !== basic.id))) {
    return oauthError(
      400,
      'invalid_request',
      'client credentials sent both in the Authorization header and in the body',
    );
  }
  const clientId = basic?.id ?? form.get('client_id');
  const clientSecret = basic?.secret ?? form.get('client_secret');
  if (!clientId || !clientSecret) {
    return oauthError(
      401,
      'invalid_client',
      "missing client authentication ('client_id' and 'client_secret')",
      challenge,
    );
  }
  const client = authenticateClient(clients, clientId, clientSecret);
  if (!client) return oauthError(401, 'invalid_client', 'unknown client or wrong secret', challenge);
  const resource = form.get('resource') ?? undefined;
  if (resource !== undefined && !URL.canParse(resource)) {
    return oauthError(400, 'invalid_target', `resource '${resource}' is not an absolute URI (RFC 8707)`);
  }
  const scope = grantedScope(client, form.get('scope') ?? undefined);
  if (scope === undefined)
    return oauthError(400, 'invalid_scope', `scope '${form.get('scope')}' exceeds the client's scope`);
  const accessToken = await mint(minter, client, scope, resource);
  return {
    status: 200,
    body: { access_token: accessToken, token_type: 'Bearer', expires_in: DEFAULT_EXPIRES_IN_SECONDS, scope },
    headers: NO_STORE,
  };
}
