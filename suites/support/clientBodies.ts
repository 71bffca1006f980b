/**
 * Request bodies for the Clients operations (schemas/client-*.request.schema.json): valid ones to set up data and
 * round-trip, and ones broken in exactly one way to provoke a 400. Names are passed in (use `c.fixtures.id`) because
 * a name already taken in the app is a 409 (docs/decisions.md #4).
 */

export type JsonObject = Record<string, unknown>;

export const REDIRECT_URI = 'https://app.example.test/callback';

/** The smallest valid OIDC create body: the two required fields (docs/facts.md §2.0.1). */
export function minimalOidcBody(name: string, extra: JsonObject = {}): JsonObject {
  return { name, redirect_uris: [REDIRECT_URI], ...extra };
}

/** The smallest SAML create body the harness assumes (decisions.md #15: protocol "saml" plus sp_entity_id). */
export function samlBody(name: string, extra: JsonObject = {}): JsonObject {
  return {
    name,
    authentication_protocol: 'saml',
    sp_entity_id: `https://sp.example.test/${encodeURIComponent(name)}`,
    ...extra,
  };
}

/**
 * A create body with a non-default value in most fields the output schema holds, so a round trip shows each
 * was stored. Left out on purpose: the input-only fields (an observation, INPUT_ONLY_FIELDS), `resources` and
 * `client_group_id` (a real service may check that the ids exist), `fapi_version_compliancy` (a real service may
 * demand a FAPI-grade configuration) and the deprecated `token_endpoint_auth_method`.
 */
export function richOidcBody(name: string): JsonObject {
  return {
    name,
    description: 'conformance round trip',
    redirect_uris: ['https://app.example.test/a', 'https://app.example.test/b'],
    client_type: 'native',
    response_types: ['code'],
    default_custom_claims: ['email', 'fname'],
    sync_id_token_claims_to_userinfo: true,
    short_cookies_samesite_type: 'none',
    supported_prompts: ['login', 'consent'],
    pkce: 'enforcePkceAlongsideClientCredentials',
    device_authorization: {
      enabled: true,
      approval_uri: 'https://app.example.test/device/approve',
      success_uri: 'https://app.example.test/device/complete',
      input_uri: 'https://app.example.test/device/start',
    },
    ciba_authorization: { enabled: true, login_uri: 'https://app.example.test/ciba/login' },
    token_expiration: { access_token_ttl: 1801, refresh_token_ttl: 86401, max_refresh_rotate: 5 },
    session_expiration: 7201,
    enforce_par: true,
  };
}

/** The documented create defaults (docs/facts.md §2.0.1; CLIENTS-CREATE-DEFAULTS). */
export const DOCUMENTED_CREATE_DEFAULTS: Readonly<JsonObject> = {
  authentication_protocol: 'oidc',
  client_type: 'web',
  sync_id_token_claims_to_userinfo: false,
  short_cookies_samesite_type: 'lax',
};

/** The documented input default of response_types (inferred: the output default adds "none", docs/facts.md §5.1 #6). */
export const DEFAULT_RESPONSE_TYPES: readonly string[] = ['code', 'id_token'];

/** Accepted on create but absent from the output schema (docs/facts.md §5.1 #15; CLIENTS-CREATE-INPUT-ONLY-FIELDS). */
export const INPUT_ONLY_FIELDS: Readonly<JsonObject> = {
  is_third_party: true,
  allowed_scopes: ['openid', 'profile'],
  consent_uri: 'https://app.example.test/consent',
  consent_validity_period: 86400,
  role_ids: ['conformance-role-1'],
};

/** A body field no doc names (decisions.md #6). */
export const UNKNOWN_FIELD = 'x_conformance_unknown_field';

export interface InvalidBody {
  /** Matrix cell label: what is wrong with the body. */
  readonly cell: string;
  readonly make: (name: string) => JsonObject;
}

/** Create bodies each broken in one way CLIENTS-CREATE-400 names (missing required, wrong type, outside an enum). */
export const INVALID_CREATE_BODIES: readonly InvalidBody[] = [
  { cell: 'name missing', make: () => ({ redirect_uris: [REDIRECT_URI] }) },
  { cell: 'redirect_uris missing', make: (name) => ({ name }) },
  { cell: 'name not a string', make: () => ({ name: 42, redirect_uris: [REDIRECT_URI] }) },
  { cell: 'redirect_uris not an array', make: (name) => ({ name, redirect_uris: REDIRECT_URI }) },
  { cell: 'client_type outside its enum', make: (name) => minimalOidcBody(name, { client_type: 'desktop' }) },
  {
    cell: 'response_types item outside its enum',
    make: (name) => minimalOidcBody(name, { response_types: ['token'] }),
  },
];

/** Update bodies each broken in one way CLIENTS-UPDATE-400 names (wrong type, outside an enum). */
export const INVALID_UPDATE_BODIES: readonly InvalidBody[] = [
  { cell: 'name not a string', make: () => ({ name: 42 }) },
  { cell: 'redirect_uris not an array', make: () => ({ redirect_uris: REDIRECT_URI }) },
  { cell: 'client_type outside its enum', make: () => ({ client_type: 'desktop' }) },
];

/** Resources bodies CLIENTS-RESOURCES-400 names (resource_ids missing, or not an array of strings). */
export const INVALID_RESOURCES_BODIES: readonly InvalidBody[] = [
  { cell: 'resource_ids missing', make: () => ({}) },
  { cell: 'resource_ids not an array', make: () => ({ resource_ids: 'resource-1' }) },
  { cell: 'resource_ids items not strings', make: () => ({ resource_ids: [1, 2] }) },
];
