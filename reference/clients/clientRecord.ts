import { newClientSecret, newId } from '../ids.js';
import type { Scope } from '../scope.js';
import type { ClientRecord } from '../store/types.js';

export type Protocol = 'oidc' | 'saml';

/** Decisions #15: `authentication_protocol: "saml"` selects the SAML shape; anything else is OIDC. */
export function protocolOf(body: Readonly<Record<string, unknown>>): Protocol {
  return body['authentication_protocol'] === 'saml' ? 'saml' : 'oidc';
}

/**
 * Output defaults (decisions #13): documented defaults where there is one, empty values for fields the output
 * schema requires but the create body may leave out. `response_types` takes the documented *input* default,
 * because the output default `[…, "none"]` contradicts the item enum (docs/facts.md §5.1 #6).
 */
function oidcDefaults(): Record<string, unknown> {
  return {
    description: '',
    resources: [],
    client_group_id: '',
    default_custom_claims: [],
    sync_id_token_claims_to_userinfo: false,
    short_cookies_samesite_type: 'lax',
    redirect_uris: [],
    client_type: 'web',
    response_types: ['code', 'id_token'],
    device_authorization: { enabled: false, approval_uri: '', success_uri: '', input_uri: '' },
    ciba_authorization: { enabled: false },
    supported_prompts: [],
    token_expiration: {},
    session_expiration: 1209600,
    enforce_par: false,
    fapi_version_compliancy: false,
  };
}

/**
 * SAML output defaults. The IdP-side fields (`entity_id`, `sso_url`, `metadata_url`, `x509_certificate`) are
 * required in the output but undocumented in value; the reference derives stable URLs from the client id and has
 * no signing certificate, so `x509_certificate` is empty (an emulator choice, not a documented value).
 */
function samlDefaults(clientId: string): Record<string, unknown> {
  const idp = `https://userid.security/saml/${clientId}`;
  return {
    description: '',
    resources: [],
    client_group_id: '',
    default_custom_claims: [],
    sync_id_token_claims_to_userinfo: false,
    short_cookies_samesite_type: 'lax',
    optional_acs_url: false,
    sp_acs_url: '',
    sp_name_id_type: 'email',
    sign_assertion: false,
    entity_id: idp,
    sso_url: `${idp}/sso`,
    metadata_url: `${idp}/metadata`,
    x509_certificate: '',
  };
}

/** The fields of `body` a schema declares; anything else is dropped (decisions #6). */
export function knownPart(
  body: Readonly<Record<string, unknown>>,
  known: ReadonlySet<string>,
): Record<string, unknown> {
  const part: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(body)) if (known.has(field)) part[field] = value;
  return part;
}

/** A new client from a validated create body (its known fields only), with a generated id and secret. */
export function newClient(
  fields: Readonly<Record<string, unknown>>,
  scope: Scope,
  now: Date,
  clientId: string = newId(),
): ClientRecord {
  const protocol = protocolOf(fields);
  const stamp = now.toISOString();
  const identity = {
    client_id: clientId,
    client_secret: newClientSecret(),
    name: String(fields['name']),
    tenant_id: scope.tenantId,
    app_id: scope.appId,
    authentication_protocol: protocol,
  };
  // Identity first so it leads the JSON; repeated last so no body field can override it.
  return {
    ...identity,
    ...(protocol === 'saml' ? samlDefaults(clientId) : oidcDefaults()),
    ...fields,
    ...identity,
    created_at: stamp,
    updated_at: stamp,
  };
}

/**
 * PUT semantics (decisions #16): every field sent replaces the stored one — an object whole, never merged
 * (SEED-C) — fields left out are kept, and `authentication_protocol` cannot change. `mergeFrom` is the
 * `put-merges-objects` fault: the stored client whose object fields the sent ones are merged into.
 */
export function updatedClient(
  client: ClientRecord,
  fields: Readonly<Record<string, unknown>>,
  now: Date,
  mergeFrom?: ClientRecord,
): ClientRecord {
  const changes: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(fields)) {
    if (field === 'authentication_protocol') continue;
    const stored = mergeFrom?.[field];
    changes[field] = isPlainObject(stored) && isPlainObject(value) ? { ...stored, ...value } : value;
  }
  return { ...client, ...changes, updated_at: now.toISOString() };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
