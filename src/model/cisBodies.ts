/**
 * Body types of the 14 CIS operations, written by hand to mirror `schemas/*.schema.json` (docs/facts.md §2.0, §3.0,
 * §1.4; docs/decisions.md). They describe what a conforming target sends; the client never validates a body
 * against them — conformance checks validate `response.json` against the schemas instead.
 */

export type AuthenticationProtocol = 'oidc' | 'saml';
export type ClientType = 'web' | 'native';
export type SameSiteType = 'lax' | 'none';
export type ResponseType = 'code' | 'id_token';
export type SupportedPrompt = 'login' | 'consent' | 'none';
export type PkceMode =
  | 'enforcePkceInsteadOfClientCredentials'
  | 'enforcePkceAlongsideClientCredentials'
  | 'allowPkceAlongsideClientCredentials';
export type SamlNameIdType = 'email' | 'secondaryEmail' | 'username' | 'phoneNumber' | 'externalUserId';

export interface DeviceAuthorization {
  enabled: boolean;
  approval_uri: string;
  success_uri: string;
  input_uri: string;
}

export interface CibaAuthorization {
  enabled: boolean;
  login_uri?: string;
}

export interface TokenExpiration {
  access_token_ttl?: number;
  refresh_token_ttl?: number;
  max_refresh_rotate?: number;
}

export interface AuthenticationConfiguration {
  method: 'client_secret_basic' | 'self_signed_tls_client_auth' | 'tls_client_auth' | 'private_key_jwt';
  tls_client_auth?: Record<string, unknown>;
  isMtlsCertTokenBound?: boolean;
  jwks?: Record<string, unknown>;
}

export interface IdTokenEncryption {
  enabled: boolean;
  jwks?: Record<string, unknown>;
}

/** Fields both protocols share on input. */
interface ClientInputCommon {
  name: string;
  description?: string;
  resources?: string[];
  client_group_id?: string;
  default_custom_claims?: string[];
  default_user_info_claims?: string[];
  sync_id_token_claims_to_userinfo?: boolean;
  short_cookies_samesite_type?: SameSiteType;
  supported_prompts?: SupportedPrompt[];
}

/** `POST /v1/clients`, OIDC shape (the default protocol). */
export interface ClientCreateOidcInput extends ClientInputCommon {
  authentication_protocol?: 'oidc';
  redirect_uris: string[];
  client_type?: ClientType;
  device_authorization?: DeviceAuthorization;
  ciba_authorization?: CibaAuthorization;
  is_third_party?: boolean;
  allowed_scopes?: string[];
  consent_uri?: string;
  consent_validity_period?: number;
  pkce?: PkceMode;
  token_expiration?: TokenExpiration;
  session_expiration?: number;
  enforce_par?: boolean;
  role_ids?: string[];
  fapi_version_compliancy?: boolean;
  /** Deprecated in the docs in favour of `pkce`. */
  token_endpoint_auth_method?: string;
  response_types?: ResponseType[];
  authentication_configuration?: AuthenticationConfiguration;
  id_token_encryption?: IdTokenEncryption;
}

/** `POST /v1/clients`, SAML shape: selected by `authentication_protocol: "saml"` (decisions.md #15). */
export interface ClientCreateSamlInput extends ClientInputCommon {
  authentication_protocol: 'saml';
  sp_entity_id: string;
  sp_acs_url?: string;
  sp_name_id_type?: SamlNameIdType;
  sign_assertion?: boolean;
  optional_acs_url?: boolean;
  use_centralized_login?: boolean;
}

export type ClientCreateInput = ClientCreateOidcInput | ClientCreateSamlInput;

/** `PUT /v1/clients/{clientId}`: every field optional; the protocol cannot change (decisions.md #16). */
export type ClientUpdateOidcInput = Partial<Omit<ClientCreateOidcInput, 'authentication_protocol'>>;
export type ClientUpdateSamlInput = Partial<Omit<ClientCreateSamlInput, 'authentication_protocol'>>;
export type ClientUpdateInput = ClientUpdateOidcInput | ClientUpdateSamlInput;

/** `PUT /v1/clients/{clientId}/resources` (body inferred from the app-scoped twin, decisions.md #17). */
export interface ClientResourcesInput {
  resource_ids: string[];
}

/** Fields every client object carries on output. */
interface ClientOutputCommon {
  app_id: string;
  tenant_id: string;
  client_id: string;
  client_secret: string;
  name: string;
  description: string;
  resources: string[];
  /** ISO 8601 date-time. */
  created_at: string;
  updated_at: string;
  client_group_id: string;
  default_custom_claims: string[];
  default_user_info_claims?: string[];
  sync_id_token_claims_to_userinfo?: boolean;
  short_cookies_samesite_type?: SameSiteType;
}

export interface OidcClient extends ClientOutputCommon {
  authentication_protocol: 'oidc';
  redirect_uris: string[];
  client_type?: ClientType;
  response_types?: string[];
  token_endpoint_auth_method?: string;
  pkce?: PkceMode;
  device_authorization: DeviceAuthorization;
  ciba_authorization: CibaAuthorization;
  supported_prompts: SupportedPrompt[];
  authentication_configuration?: AuthenticationConfiguration;
  token_expiration: TokenExpiration;
  session_expiration: number;
  enforce_par: boolean;
  fapi_version_compliancy: boolean;
  id_token_encryption?: IdTokenEncryption;
}

export interface SamlClient extends ClientOutputCommon {
  authentication_protocol: 'saml';
  optional_acs_url: boolean;
  sp_acs_url: string;
  sp_entity_id: string;
  metadata_url: string;
  sso_url: string;
  entity_id: string;
  x509_certificate: string;
  sp_name_id_type: SamlNameIdType;
  sign_assertion: boolean;
  use_centralized_login?: boolean;
}

export type Client = OidcClient | SamlClient;

export interface Consent {
  consent_id: string;
  tenant_id: string;
  app_id: string;
  client_id: string;
  user_id: string;
  scope: string;
  /** Epoch milliseconds (decisions.md #21: the unit is an observation). */
  created_at: number;
  expires_at: number;
  updated_at: number;
}

/** Items of `GET /v1/manage/consents`. */
export interface ConsentWithClientName extends Consent {
  client_name: string;
}

/** 400 (`message` is an array of strings or a string: both conform), 404, 409, 401/403 bodies. */
export interface CisErrorBody {
  message: string | string[];
  error_code: number;
  /** Only on 409, e.g. `IDENTIFIER_IS_TAKEN`. */
  ts_error_code?: string;
}
