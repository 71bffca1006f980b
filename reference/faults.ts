/**
 * The fault registry (docs/design.md §4): each entry is one seeded defect that `serve --fault NAME` (and
 * `run --fault NAME` on the embedded target) switches on, so the suites can prove they catch it. A fault is
 * implemented as one `faults.isOn('name')` test at the exact point of the defect; adding a fault means adding
 * an entry here, that one test where the defect lives, and a probe in test/reference/faults.spec.ts.
 *
 * `violates` lists exactly the catalog requirements that a run names as broken (in its failed or, for inferred
 * rules, warning findings) when the fault is on — not every rule it could be argued to touch — so a run that
 * misses one of them is a gap in the suites.
 */
import {
  ALL_KEYS,
  CLIENT_ID_KEYS,
  CLIENT_KEYS,
  CONSENT_DELETE_KEYS,
  CONSENT_KEYS,
  each,
  MANAGE_KEYS,
  ME_KEYS,
  PERMISSION_CHECKED,
  WRITE_KEYS,
} from './operationGroups.js';
import { KEY } from './operations.js';
export type FaultArea = 'status' | 'shape' | 'validation' | 'persistence' | 'consents' | 'auth' | 'crash';

export interface Fault {
  readonly name: string;
  /** What kind of defect it is; the mutation report groups by it. */
  readonly area: FaultArea;
  readonly description: string;
  /** Catalog requirement ids (`schemas/requirements.json`) a conformance run should fail when this fault is on. */
  readonly violates: readonly string[];
}

const FAULT_LIST = [
  // ── status codes ────────────────────────────────────────────────────────────────────────────────────────────
  {
    name: 'create-status-200',
    area: 'status',
    description: 'POST /v1/clients answers 200 instead of 201.',
    violates: ['CLIENTS-CREATE-201'],
  },
  {
    name: 'delete-status-200',
    area: 'status',
    description: 'DELETE /v1/clients/{clientId} answers 200 instead of 204.',
    violates: ['CLIENTS-DELETE-204'],
  },
  {
    name: 'client-not-found-400',
    area: 'status',
    description: 'An unknown client id answers 400 instead of 404 on get, update, delete and resources.',
    violates: each('404', ...CLIENT_ID_KEYS),
  },
  {
    name: 'delete-all-empty-204',
    area: 'status',
    description: 'DELETE /v1/clients on an app without clients answers 204 instead of 404.',
    // The documented CLIENTS-DELETE-ALL-404 gives no trigger; the empty-app trigger is the inferred rule.
    violates: ['CLIENTS-DELETE-ALL-404-EMPTY-APP'],
  },
  {
    name: 'consent-no-match-200',
    area: 'status',
    description: 'A consent removal that matches no consent answers 200 instead of 404 (all three deletes).',
    // Only the inferred trigger rule: the documented `…-404` rules accept a 2xx too (the docs give 404 no trigger).
    violates: each('404-NO-MATCH', ...CONSENT_DELETE_KEYS),
  },
  {
    name: 'invalid-token-403',
    area: 'status',
    description: 'A missing or invalid token answers 403 instead of 401 (it is still refused).',
    violates: each('TOKEN-INVALID-401', ...ALL_KEYS),
  },
  // ── response shape ──────────────────────────────────────────────────────────────────────────────────────────
  {
    name: 'envelope-missing',
    area: 'shape',
    description: 'GET /v1/clients/{clientId} answers the bare client instead of {"result": client}.',
    violates: ['CLIENTS-GET-200-ENVELOPE'],
  },
  {
    name: 'client-secret-missing',
    area: 'shape',
    description: 'The 201 body of POST /v1/clients has no client_secret (the stored client keeps it).',
    violates: ['CLIENTS-CREATE-201-SECRET'],
  },
  {
    name: 'not-found-body-wrong',
    area: 'shape',
    description: 'The 404 body of an unknown client id carries error_code as a string ("NOT_FOUND").',
    violates: each('404-BODY', ...CLIENT_ID_KEYS),
  },
  {
    name: 'conflict-body-bare',
    area: 'shape',
    description: 'The 409 body of a duplicate client name has no ts_error_code.',
    violates: ['CLIENTS-CREATE-409-BODY'],
  },
  {
    name: 'manage-list-no-client-name',
    area: 'shape',
    description: 'GET /v1/manage/consents items lack client_name.',
    violates: ['MANAGE-CONSENTS-LIST-200-CLIENT-NAME'],
  },
  {
    name: 'consents-list-client-name',
    area: 'shape',
    description: 'GET /v1/consents items carry client_name, which only the manage list has.',
    violates: ['CONSENTS-LIST-NO-CLIENT-NAME'],
  },
  // ── input validation ────────────────────────────────────────────────────────────────────────────────────────
  {
    name: 'name-not-required',
    area: 'validation',
    description: 'POST /v1/clients accepts a body without name.',
    violates: ['CLIENTS-CREATE-400'],
  },
  {
    name: 'enum-not-enforced',
    area: 'validation',
    description: 'POST and PUT /v1/clients… accept a client_type outside its enum.',
    violates: ['CLIENTS-CREATE-400', 'CLIENTS-UPDATE-400'],
  },
  {
    name: 'userinfo-conflict-accepted',
    area: 'validation',
    description: 'default_user_info_claims with sync_id_token_claims_to_userinfo: true is accepted on create and PUT.',
    violates: ['CLIENTS-CREATE-USERINFO-CONFLICT-400', 'CLIENTS-UPDATE-USERINFO-CONFLICT-400'],
  },
  {
    name: 'duplicate-name-accepted',
    area: 'validation',
    description: 'POST /v1/clients creates a second client with a name the app already has instead of 409.',
    // The documented CLIENTS-CREATE-409 gives no trigger; a duplicate name is the inferred one.
    violates: ['CLIENTS-CREATE-409-DUPLICATE-NAME'],
  },
  {
    name: 'manage-app-id-optional',
    area: 'validation',
    description: "The manage endpoints without app_id act on the token's app instead of answering 400.",
    violates: each('400', ...MANAGE_KEYS),
  },
  // ── persistence ─────────────────────────────────────────────────────────────────────────────────────────────
  {
    name: 'put-merges-objects',
    area: 'persistence',
    description:
      'PUT /v1/clients/{clientId} merges object-valued fields into the stored ones instead of replacing them.',
    violates: ['CLIENTS-UPDATE-OBJECT-FIELDS-REPLACED'],
  },
  {
    name: 'put-resets-omitted',
    area: 'persistence',
    description: 'PUT /v1/clients/{clientId} rebuilds the client from the body: fields left out go back to defaults.',
    violates: ['CLIENTS-UPDATE-OMITTED-FIELDS-KEPT'],
  },
  {
    name: 'update-not-persisted',
    area: 'persistence',
    description: 'PUT /v1/clients/{clientId} answers the updated client but does not store it.',
    violates: ['CLIENTS-UPDATE-ROUND-TRIP'],
  },
  {
    name: 'resources-appended',
    area: 'persistence',
    description: 'PUT /v1/clients/{clientId}/resources appends to the resources list instead of replacing it.',
    violates: ['CLIENTS-RESOURCES-REPLACES'],
  },
  {
    name: 'defaults-not-applied',
    area: 'persistence',
    description: 'A create without client_type or short_cookies_samesite_type stores no value instead of the defaults.',
    violates: ['CLIENTS-CREATE-DEFAULTS'],
  },
  {
    name: 'deleted-client-readable',
    area: 'persistence',
    description: 'DELETE /v1/clients/{clientId} answers 204 but keeps the client, so it can still be read.',
    violates: ['CLIENTS-DELETE-GONE'],
  },
  {
    name: 'delete-all-no-op',
    area: 'persistence',
    description: 'DELETE /v1/clients answers 204 but deletes nothing.',
    violates: ['CLIENTS-DELETE-ALL-EMPTIES-APP'],
  },
  {
    name: 'consent-delete-no-op',
    area: 'persistence',
    description: 'The three consent removals answer success but delete nothing.',
    violates: each('GONE', ...CONSENT_DELETE_KEYS),
  },
  // ── consent semantics ───────────────────────────────────────────────────────────────────────────────────────
  {
    name: 'consent-filters-ignored',
    area: 'consents',
    description: 'The consent lists ignore the client_id and user_id filters.',
    violates: [
      ...each('FILTER-CLIENT', KEY.CONSENTS_LIST, KEY.MANAGE_CONSENTS_LIST),
      ...each('FILTER-USER', KEY.CONSENTS_LIST, KEY.MANAGE_CONSENTS_LIST),
      ...each('FILTER-BOTH', KEY.CONSENTS_LIST, KEY.MANAGE_CONSENTS_LIST),
    ],
  },
  {
    name: 'consent-id-ignored',
    area: 'consents',
    description: "The consent removals ignore consent_id and remove all the pair's consents.",
    violates: each('CONSENT-ID-ONLY', ...CONSENT_DELETE_KEYS),
  },
  {
    name: 'me-leaks-other-users',
    area: 'consents',
    description: "GET /v1/consents/me lists every consent of the app, other users' included.",
    violates: ['ME-CONSENTS-LIST-ISOLATION-USER'],
  },
  {
    name: 'me-revokes-other-users',
    area: 'consents',
    description: "DELETE /v1/consents/me/clients/{clientId} also revokes other users' consents for that client.",
    violates: ['ME-CONSENTS-REVOKE-ISOLATION-USER'],
  },
  // ── read-your-writes: a read path that lags a write ─────────────────────────────────────────────────────────
  {
    name: 'consent-get-cached-after-delete',
    area: 'persistence',
    description:
      'GET /v1/consents/{consentId} reads through a cache that deletes do not evict: a consent read before its ' +
      'removal is still answered 200 afterwards, while the lists no longer hold it.',
    violates: ['CONSENTS-DELETE-USER-GONE', 'MANAGE-CONSENTS-DELETE-GONE', 'ME-CONSENTS-REVOKE-GONE-ALL-LISTS'],
  },
  {
    name: 'manage-list-stale-after-delete',
    area: 'persistence',
    description:
      'GET /v1/manage/consents is cached per query and the cache is refreshed only when a consent appears: a ' +
      'removed consent stays in the manage list until the next new consent.',
    violates: ['CONSENTS-DELETE-USER-GONE', 'MANAGE-CONSENTS-DELETE-GONE', 'ME-CONSENTS-REVOKE-GONE-ALL-LISTS'],
  },
  // ── lists beyond a handful ──────────────────────────────────────────────────────────────────────────────────
  {
    name: 'clients-list-capped',
    area: 'persistence',
    description: 'GET /v1/clients answers at most 20 clients (a default page) with no paging signal.',
    violates: ['CLIENTS-LIST-ALL-AT-SCALE'],
  },
  {
    name: 'consent-lists-capped',
    area: 'consents',
    description: 'The three consent lists answer at most 20 consents (a default page) with no paging signal.',
    violates: each('ALL-AT-SCALE', KEY.CONSENTS_LIST, KEY.MANAGE_CONSENTS_LIST, KEY.ME_CONSENTS_LIST),
  },
  {
    name: 'user-filter-prefix',
    area: 'consents',
    description: 'The user_id filter of the two consent lists matches every user id that starts with the value.',
    violates: [
      ...each('FILTER-USER', KEY.CONSENTS_LIST, KEY.MANAGE_CONSENTS_LIST),
      ...each('FILTER-BOTH', KEY.CONSENTS_LIST, KEY.MANAGE_CONSENTS_LIST),
    ],
  },
  {
    name: 'user-filter-case-insensitive',
    area: 'consents',
    description: 'The user_id filter of the two consent lists compares ids without regard to letter case.',
    violates: each('FILTER-CASE-SENSITIVE', KEY.CONSENTS_LIST, KEY.MANAGE_CONSENTS_LIST),
  },
  // ── auth ────────────────────────────────────────────────────────────────────────────────────────────────────
  {
    name: 'missing-token-accepted',
    area: 'auth',
    description: 'A request without Authorization is served as an anonymous caller with no data.',
    violates: each(
      'TOKEN-INVALID-REJECTED',
      KEY.CLIENTS_CREATE,
      KEY.CLIENTS_LIST,
      KEY.CONSENTS_LIST,
      KEY.ME_CONSENTS_LIST,
    ),
  },
  {
    name: 'expired-token-accepted',
    area: 'auth',
    description: 'An expired token is accepted.',
    violates: each('TOKEN-INVALID-REJECTED', ...ALL_KEYS),
  },
  {
    name: 'forged-signature-accepted',
    area: 'auth',
    description: 'A token whose signature does not verify is accepted.',
    violates: each('TOKEN-INVALID-REJECTED', ...ALL_KEYS),
  },
  {
    name: 'alg-none-accepted',
    area: 'auth',
    description: 'An unsigned alg:none token is accepted.',
    violates: each('TOKEN-INVALID-REJECTED', ...ALL_KEYS),
  },
  {
    name: 'wrong-audience-accepted',
    area: 'auth',
    description: 'A token for another audience is accepted.',
    violates: each('TOKEN-WRONG-AUDIENCE-REJECTED', ...ALL_KEYS),
  },
  {
    name: 'no-permission-check',
    area: 'auth',
    description: 'Permission lists are not enforced: any valid token of the right type passes.',
    violates: each('PERM-OUTSIDE-LIST-REJECTED', ...PERMISSION_CHECKED),
  },
  {
    name: 'foreign-app-permission-accepted',
    area: 'auth',
    description: "`[appId]:x` permissions naming another app's id are accepted as if they named the token's app.",
    violates: each('PERM-FOREIGN-APPID-REJECTED', ...PERMISSION_CHECKED),
  },
  {
    name: 'read-permission-writes',
    area: 'auth',
    description: 'A read permission is accepted for the write operations.',
    violates: each('PERM-WRONG-ACTION-REJECTED', ...WRITE_KEYS),
  },
  {
    name: 'no-tenant-check',
    area: 'auth',
    description:
      "Lookups ignore the token's tenant: a token of another tenant that names the same app id reaches its clients and consents.",
    violates: [
      ...each('ISOLATION-OTHER-TENANT', ...PERMISSION_CHECKED.filter((key) => key !== KEY.CLIENTS_CREATE)),
      ...each('ISOLATION-APP', ...ME_KEYS),
    ],
  },
  {
    name: 'no-app-check',
    area: 'auth',
    description: "Lookups ignore the token's app: another app of the same tenant reaches the clients and consents.",
    violates: [
      ...each('ISOLATION-OTHER-APP', ...PERMISSION_CHECKED.filter((key) => key !== KEY.CLIENTS_CREATE)),
      ...each('ISOLATION-APP', ...ME_KEYS),
    ],
  },
  {
    name: 'user-token-on-clients',
    area: 'auth',
    description: "A user token is accepted on the Clients operations (acting on the user's app).",
    violates: each('TOKEN-USER-REJECTED', ...CLIENT_KEYS),
  },
  {
    name: 'client-token-on-me',
    area: 'auth',
    description: 'A client token is accepted on the /me operations (its client id taken as the user).',
    violates: ['ME-CONSENTS-LIST-TOKEN-CLIENT-REJECTED'],
  },
  // ── token attacks (decisions.md #34) ───────────────────────────────────────────────────────────────────────
  {
    name: 'hmac-public-key-accepted',
    area: 'auth',
    description:
      "Algorithm confusion: an HS256/384/512 token is verified with the trusted RSA public key's PEM as the HMAC secret.",
    violates: each('TOKEN-ALG-CONFUSION-REJECTED', ...ALL_KEYS),
  },
  {
    name: 'embedded-jwk-trusted',
    area: 'auth',
    description: 'A token that embeds its key in a jwk header is verified with that key (anyone can sign one).',
    violates: each('TOKEN-UNTRUSTED-KEY-REJECTED', ...ALL_KEYS),
  },
  {
    name: 'exp-leeway-10-minutes',
    area: 'auth',
    description: 'The exp and nbf checks allow 10 minutes of clock skew, so a token expired minutes ago still passes.',
    violates: each('TOKEN-EXPIRED-PAST-LEEWAY-REJECTED', ...ALL_KEYS),
  },
  {
    name: 'no-exp-accepted',
    area: 'auth',
    description: 'A token without an exp claim is accepted (it never expires).',
    violates: each('TOKEN-NO-EXP-REJECTED', ...ALL_KEYS),
  },
  {
    name: 'scope-read-as-permissions',
    area: 'auth',
    description: "The words of a token's scope claim count as permissions beside ts_permissions.",
    violates: each('PERM-SMUGGLED-CLAIMS-REJECTED', ...PERMISSION_CHECKED),
  },
  {
    name: 'admin-role-any-case',
    area: 'auth',
    description: "A role 'admin' in any letter case in roles or role marks an admin token, not only 'Admin'.",
    // The lookalike gets what an admin token gets: the manage operations by default (decisions.md #9), the other
    // client-token operations too where a choice accepts admin tokens there (admin-tokens-accepted).
    violates: each('PERM-ADMIN-LOOKALIKE-REJECTED', ...PERMISSION_CHECKED),
  },
  // ── checks that isolate one cause (issue 13 class 6): only a wrong-type token holding the whole list shows these ──
  {
    name: 'user-token-judged-by-permissions',
    area: 'auth',
    description:
      'A user token on an operation that takes client tokens is not refused for its type but judged by its ts_permissions.',
    violates: each('TOKEN-USER-REJECTED', ...PERMISSION_CHECKED),
  },
  {
    name: 'admin-token-judged-by-permissions',
    area: 'auth',
    description:
      'An admin token is not recognised as such on the client-token operations: it is judged by its ts_permissions.',
    // Admin tokens are an observation on the Clients operations and accepted on the manage ones (decisions.md #9).
    violates: each('TOKEN-ADMIN-REJECTED', ...CONSENT_KEYS),
  },
  // ── mass assignment (decisions.md #29) ──────────────────────────────────────────────────────────────────────
  {
    name: 'create-body-app-id-honoured',
    area: 'auth',
    description: "POST /v1/clients places the client in the app a body app_id names (within the token's tenant).",
    violates: ['CLIENTS-CREATE-BODY-OWNER-IGNORED'],
  },
  {
    name: 'update-body-server-fields-honoured',
    area: 'persistence',
    description: 'PUT /v1/clients/{clientId} stores a client_secret or created_at sent in the body.',
    violates: ['CLIENTS-UPDATE-BODY-SERVER-FIELDS'],
  },
  {
    name: 'clients-list-query-app-id',
    area: 'auth',
    description: "GET /v1/clients?app_id=X lists the clients of app X of the token's tenant.",
    violates: ['CLIENTS-LIST-ISOLATION-QUERY'],
  },
  {
    name: 'manage-query-tenant-id',
    area: 'auth',
    description: 'The manage endpoints take the tenant from an undocumented ?tenant_id= instead of the token.',
    violates: each('ISOLATION-QUERY', ...MANAGE_KEYS),
  },
  // ── value fidelity (decisions.md #30) ───────────────────────────────────────────────────────────────────────
  {
    name: 'update-rotates-secret',
    area: 'persistence',
    description: 'PUT /v1/clients/{clientId} generates a new client_secret.',
    violates: ['CLIENTS-UPDATE-SECRET-KEPT'],
  },
  {
    name: 'list-masks-secret',
    area: 'shape',
    description: 'GET /v1/clients shows each client_secret masked (its last four characters behind dots).',
    violates: ['CLIENTS-LIST-SECRET-VALUE'],
  },
  {
    name: 'scalar-strings-coerced',
    area: 'validation',
    description: 'POST and PUT /v1/clients… coerce booleans and numbers sent as strings ("true", "3600").',
    violates: ['CLIENTS-CREATE-STRING-SCALAR-400', 'CLIENTS-UPDATE-STRING-SCALAR-400'],
  },
  {
    name: 'consent-delete-answers-body',
    area: 'shape',
    description: 'The two consent deletes documented with "No content" answer 200 with the deleted consents.',
    violates: each('NO-CONTENT', KEY.CONSENTS_DELETE_USER, KEY.MANAGE_CONSENTS_DELETE),
  },
  {
    name: 'client-name-of-default-client',
    area: 'consents',
    description: "GET /v1/manage/consents gives every item the name of the app's first client, not its own client's.",
    violates: ['MANAGE-CONSENTS-LIST-CLIENT-NAME-OWN-CLIENT'],
  },
  // ── 5xx on valid input ──────────────────────────────────────────────────────────────────────────────────────
  {
    name: 'saml-create-500',
    area: 'crash',
    description: 'A valid SAML create answers 500.',
    violates: ['CLIENTS-CREATE-SAML-SHAPE'],
  },
  {
    name: 'user-filter-500',
    area: 'crash',
    description: 'GET /v1/consents with a user_id filter answers 500.',
    // The filter checks fail on CONSENTS-LIST-200 of their list step; NO-5XX is the rule a 500 itself breaks.
    violates: ['CONSENTS-LIST-NO-5XX'],
  },
] as const satisfies readonly Fault[];

export type FaultName = (typeof FAULT_LIST)[number]['name'];

export const FAULTS: readonly Fault[] = FAULT_LIST;

/** What the handlers consult. `active` is the one switched-on fault, if any. */
export interface FaultSwitch {
  readonly active?: FaultName;
  isOn(name: FaultName): boolean;
}

/** Resolves a `--fault` value; an unknown name is an error that lists the known ones. */
export function faultSwitch(name?: string): FaultSwitch {
  if (name === undefined || name === '') return { isOn: () => false };
  const fault = FAULT_LIST.find((f) => f.name === name);
  if (!fault) {
    throw new Error(`unknown fault '${name}'; known faults: ${FAULT_LIST.map((f) => f.name).join(', ')}`);
  }
  const active: FaultName = fault.name;
  return { active, isOn: (candidate) => candidate === active };
}
