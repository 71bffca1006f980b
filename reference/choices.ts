/**
 * The choice registry (docs/decisions.md "Choices: a second opinion inside the reference"): each entry is one point
 * the docs leave open on which the reference can take the other defensible side. `serve --choices alternate` (and
 * `run`/`mutants` on the embedded target) switches every choice on; `--choice NAME` one at a time. A correct
 * harness then reports the requirements a choice `flips` as warnings (inferred) or observations, and fails nothing:
 * the reference with choices on is a second, independent-looking implementation that the harness must not fail.
 *
 * A choice is implemented like a fault (reference/faults.ts): one `choices.isOn(name)` — or, where the choice
 * holds for some operations only, `choices.isOnFor(name, requirementId)` — at the exact point of the behaviour.
 * Adding one means an entry here, that test where the behaviour lives, and nothing else: the catalog test and the
 * per-choice test (test/reference/choices*.spec.ts) pick it up. Every inferred requirement and observation is
 * either flipped by some choice or listed in `NOT_FLIPPABLE` with the reason it has no other defensible side.
 */
import {
  ALL_KEYS,
  BY_ID_KEYS,
  CLIENT_KEYS,
  CONSENT_DELETE_KEYS,
  CONSENT_KEYS,
  each,
  MANAGE_KEYS,
  ME_KEYS,
  PERMISSION_CHECKED,
} from './operationGroups.js';
import { KEY } from './operations.js';

export interface Choice {
  readonly name: string;
  readonly description: string;
  /** Catalog requirement ids (inferred or observation, never documented) on which the choice takes the other side. */
  readonly flips: readonly string[];
}

const CLIENT_ANSWER_KEYS = [KEY.CLIENTS_LIST, KEY.CLIENTS_GET, KEY.CLIENTS_UPDATE, KEY.CLIENTS_RESOURCES];
const BODY_KEYS = [KEY.CLIENTS_CREATE, KEY.CLIENTS_UPDATE, KEY.CLIENTS_RESOURCES];

const CHOICE_LIST = [
  // ── tokens ──────────────────────────────────────────────────────────────────────────────────────────────────
  {
    name: 'no-issuer-check',
    description: "Tokens are not checked for their 'iss' claim (RFC 9068 asks it; Transmit's docs do not promise it).",
    flips: each('TOKEN-WRONG-ISSUER-REJECTED', ...ALL_KEYS),
  },
  {
    name: 'no-audience-check',
    description: "Tokens are not checked for their 'aud' claim.",
    flips: each('TOKEN-WRONG-AUDIENCE-REJECTED', ...ALL_KEYS),
  },
  {
    name: 'no-nbf-check',
    description: "A token whose 'nbf' lies in the future is accepted (it is still refused once expired).",
    flips: each('TOKEN-NOT-YET-VALID-REJECTED', ...ALL_KEYS),
  },
  {
    name: 'exp-optional',
    description: "A token without an 'exp' claim is accepted (it never expires); a malformed exp is still refused.",
    flips: each('TOKEN-NO-EXP-REJECTED', ...ALL_KEYS),
  },
  {
    name: 'clock-leeway-60s',
    description: 'exp and nbf are checked with 60 seconds of leeway (RFC 7519 §4.1.4 allows a small one).',
    flips: each('TOKEN-CLOCK-LEEWAY', ...ALL_KEYS),
  },
  {
    name: 'user-tokens-on-client-reads',
    description:
      "A UserAccessToken of the app is accepted (under the same permission lists) where the page's security was not read: list, get, update and resources.",
    flips: each(
      'TOKEN-USER-REJECTED',
      KEY.CLIENTS_LIST,
      KEY.CLIENTS_GET,
      KEY.CLIENTS_UPDATE,
      KEY.CLIENTS_RESOURCES,
    ),
  },
  {
    name: 'refusals-401',
    description: 'A valid token of the wrong type or without a listed permission answers 401 instead of 403.',
    flips: [...each('TOKEN-WRONG-TYPE-403', ...ALL_KEYS), ...each('PERM-DENIED-403', ...PERMISSION_CHECKED)],
  },
  {
    name: 'oauth-error-bodies',
    description: '401 and 403 bodies are RFC 6750 {"error", "error_description"} instead of {message, error_code}.',
    flips: each('AUTH-ERROR-BODY', ...ALL_KEYS),
  },
  {
    name: 'permissions-all-of',
    description: "A token needs every permission of the operation's list, not any one of them.",
    flips: each('PERM-ANY-OF', ...PERMISSION_CHECKED),
  },
  {
    name: 'admin-tokens-accepted',
    description:
      'An AdminAccessToken is accepted on the Clients and the (non-manage, non-/me) Consents operations, acting on its own app.',
    flips: [...each('TOKEN-ADMIN', ...CLIENT_KEYS), ...each('TOKEN-ADMIN-REJECTED', ...CONSENT_KEYS)],
  },
  {
    name: 'admin-tokens-refused-on-manage',
    description: 'An AdminAccessToken is refused (403) on the two manage operations.',
    flips: each('TOKEN-ADMIN', ...MANAGE_KEYS),
  },
  // ── isolation ───────────────────────────────────────────────────────────────────────────────────────────────
  {
    name: 'foreign-records-403',
    description: "Another app's or tenant's client or consent addressed by id answers 403 (it exists, not for you).",
    flips: each('ISOLATION-404', ...BY_ID_KEYS),
  },
  {
    name: 'foreign-app-404',
    description: "The manage operations asked for another app's app_id by a client token answer 404 (no such app).",
    flips: each('ISOLATION-FOREIGN-APP-403', ...MANAGE_KEYS),
  },
  // ── bodies ──────────────────────────────────────────────────────────────────────────────────────────────────
  {
    name: 'clients-bare',
    description: 'The Clients operations answer the bare client or list instead of {"result": …}.',
    flips: ['CLIENTS-CREATE-201-ENVELOPE', ...each('200-ENVELOPE', ...CLIENT_ANSWER_KEYS)],
  },
  {
    name: 'device-authorization-bare',
    description: 'Clients carry device_authorization as {enabled} only, without the mirror-only URIs.',
    flips: [
      'CLIENTS-CREATE-201-BODY-INFERRED',
      'CLIENTS-LIST-200-BODY-INFERRED',
      ...each('200-BODY', KEY.CLIENTS_GET, KEY.CLIENTS_UPDATE, KEY.CLIENTS_RESOURCES),
    ],
  },
  {
    name: 'nest-error-bodies',
    description:
      'Error bodies whose shape is inferred are NestJS defaults {statusCode, message, error} instead of {message, error_code}.',
    flips: [
      ...each('400-BODY', KEY.CLIENTS_CREATE, KEY.CLIENTS_UPDATE, KEY.CLIENTS_RESOURCES, KEY.MANAGE_CONSENTS_LIST),
      ...each('404-BODY', KEY.CLIENTS_GET, KEY.CLIENTS_UPDATE, KEY.CLIENTS_RESOURCES, KEY.CONSENTS_GET),
      'CLIENTS-CREATE-409-BODY',
    ],
  },
  {
    name: 'validation-422',
    description:
      'Request errors whose 400 is not documented answer 422: malformed JSON, and invalid update, resources and manage requests.',
    flips: [
      ...each('MALFORMED-JSON-400', ...BODY_KEYS),
      ...each('400', KEY.CLIENTS_UPDATE, KEY.CLIENTS_RESOURCES, ...MANAGE_KEYS),
      'CLIENTS-UPDATE-USERINFO-CONFLICT-400',
      'CLIENTS-UPDATE-STRING-SCALAR-400',
      'CLIENTS-UPDATE-PROP-INVALID-REJECTED',
    ],
  },
  {
    name: 'body-limit-1mib',
    description: 'Request bodies up to 1 MiB are read (a body just over 100 KiB is not 413).',
    flips: each('413', ...BODY_KEYS),
  },
  {
    name: 'content-type-400',
    description: 'A body with a content type other than application/json answers 400 instead of 415.',
    flips: each('415', ...BODY_KEYS),
  },
  {
    name: 'unknown-fields-rejected',
    description: 'Body fields the docs do not name are refused with 400 instead of ignored.',
    flips: each('UNKNOWN-FIELDS', ...BODY_KEYS),
  },
  // ── Clients semantics ───────────────────────────────────────────────────────────────────────────────────────
  {
    name: 'unsupported-method-404',
    description: 'A method a known path does not list answers 404 (no such route) instead of 405 with Allow.',
    flips: each(
      'UNSUPPORTED-METHOD-405',
      KEY.CLIENTS_CREATE,
      KEY.CLIENTS_GET,
      KEY.CLIENTS_RESOURCES,
      KEY.CONSENTS_LIST,
      KEY.CONSENTS_GET,
      KEY.CONSENTS_DELETE_USER,
      ...MANAGE_KEYS,
      ...ME_KEYS,
    ),
  },
  {
    name: 'paging-total-header',
    description: 'Every list answers an X-Total-Count header with the number of items (all of them are listed).',
    flips: each(
      'PAGING-SIGNAL',
      KEY.CLIENTS_LIST,
      KEY.CONSENTS_LIST,
      KEY.MANAGE_CONSENTS_LIST,
      KEY.ME_CONSENTS_LIST,
    ),
  },
  {
    name: 'put-answers-204',
    description: 'The two PUTs answer 204 without a body (RFC 9110 §9.3.4); reads show the change.',
    flips: [...each('200', KEY.CLIENTS_UPDATE, KEY.CLIENTS_RESOURCES), 'CLIENTS-UPDATE-PROP-VALID-ACCEPTED'],
  },
  {
    name: 'duplicate-names-allowed',
    description: 'A create whose name another client of the app has is accepted (no 409).',
    flips: ['CLIENTS-CREATE-409-DUPLICATE-NAME'],
  },
  {
    name: 'response-types-code',
    description: 'A create without response_types gets ["code"] (the OIDC registration default).',
    flips: ['CLIENTS-CREATE-DEFAULT-RESPONSE-TYPES'],
  },
  {
    name: 'saml-entity-id-optional',
    description: 'A SAML create without sp_entity_id is accepted.',
    flips: ['CLIENTS-CREATE-SAML-SP-ENTITY-ID-400'],
  },
  {
    name: 'put-replaces',
    description: 'PUT /v1/clients/{clientId} replaces the client (RFC 9110 PUT): fields left out go back to defaults.',
    flips: ['CLIENTS-UPDATE-OMITTED-FIELDS-KEPT'],
  },
  {
    name: 'userinfo-conflict-create-only',
    description: 'The default_user_info_claims / sync_id_token_claims_to_userinfo conflict is refused on create only.',
    flips: ['CLIENTS-UPDATE-USERINFO-CONFLICT-400'],
  },
  {
    name: 'client-delete-200',
    description: 'DELETE /v1/clients/{clientId} answers 200 with an empty body instead of 204.',
    flips: ['CLIENTS-DELETE-204'],
  },
  {
    name: 'last-client-kept',
    description: "Deleting the app's only remaining client by id answers 409 and keeps it (delete-all still empties).",
    flips: ['CLIENTS-DELETE-LAST-CLIENT'],
  },
  {
    name: 'delete-all-idempotent',
    description: 'DELETE /v1/clients on an app without clients answers 204.',
    flips: ['CLIENTS-DELETE-ALL-404-EMPTY-APP'],
  },
  {
    name: 'resources-appended',
    description: 'PUT /v1/clients/{clientId}/resources adds resource_ids to the list instead of replacing it.',
    flips: ['CLIENTS-RESOURCES-REPLACES'],
  },
  {
    name: 'secret-only-on-create',
    description: 'client_secret is answered by the create only; reads, lists and updates leave it out.',
    flips: [
      ...each('200-SECRET', KEY.CLIENTS_LIST, KEY.CLIENTS_GET),
      'CLIENTS-LIST-SECRET-VALUE',
      ...each('SECRET-KEPT', KEY.CLIENTS_UPDATE, KEY.CLIENTS_RESOURCES),
    ],
  },
  {
    name: 'odd-ids-400',
    description: 'A client id with characters no generated id has (or over 128 characters) answers 400.',
    flips: each('ODD-ID-404', KEY.CLIENTS_GET, KEY.CLIENTS_UPDATE, KEY.CLIENTS_DELETE),
  },
  {
    name: 'input-only-fields-dropped',
    description: 'Fields accepted on create but absent from the output schema are not stored or returned.',
    flips: ['CLIENTS-CREATE-INPUT-ONLY-FIELDS'],
  },
  // ── Consents semantics ──────────────────────────────────────────────────────────────────────────────────────
  {
    name: 'client-name-everywhere',
    description: 'Every consent carries client_name, not only the manage list’s.',
    flips: each('NO-CLIENT-NAME', KEY.CONSENTS_LIST, KEY.CONSENTS_GET, KEY.ME_CONSENTS_LIST),
  },
  {
    name: 'consent-delete-204',
    description: 'A successful consent delete or revoke answers 204 instead of 200.',
    flips: each('SUCCESS-STATUS', ...CONSENT_DELETE_KEYS),
  },
  {
    name: 'consent-delete-idempotent',
    description: 'A consent delete or revoke that matches nothing answers success, as a delete that did match.',
    flips: [
      ...each('404-NO-MATCH', ...CONSENT_DELETE_KEYS),
      ...each('CONSENT-ID-MISMATCH', KEY.CONSENTS_DELETE_USER, KEY.MANAGE_CONSENTS_DELETE),
    ],
  },
  {
    name: 'user-delete-all-clients',
    description: "DELETE /v1/consents/clients/{c}/users/{u} without consent_id removes all of the user's consents.",
    flips: ['CONSENTS-DELETE-USER-CLIENT-SCOPED'],
  },
  {
    name: 'manage-delete-all-users',
    description: "The manage delete without consent_id removes all of the client's consents, every user's.",
    flips: ['MANAGE-CONSENTS-DELETE-USER-SCOPED'],
  },
  {
    name: 'filters-case-insensitive',
    description: 'The client_id and user_id filters of the consent lists match ids whatever their letter case.',
    flips: each('FILTER-CASE-SENSITIVE', KEY.CONSENTS_LIST, KEY.MANAGE_CONSENTS_LIST),
  },
  {
    name: 'me-revoke-soft',
    description:
      "A /me revoke hides the consents from the caller's own list only; the app's lists and get by id keep them (an audit trail).",
    flips: ['ME-CONSENTS-REVOKE-GONE-ALL-LISTS'],
  },
  {
    name: 'client-name-at-grant',
    description:
      "The manage list's client_name is the name the client had when the consent was granted (a rename does not reach it).",
    flips: ['MANAGE-CONSENTS-LIST-CLIENT-NAME-OWN-CLIENT'],
  },
  {
    name: 'timestamps-seconds',
    description: 'Consent timestamps are epoch seconds instead of milliseconds.',
    flips: ['CONSENTS-GET-TIMESTAMP-UNIT'],
  },
] as const satisfies readonly Choice[];

export type ChoiceName = (typeof CHOICE_LIST)[number]['name'];

export const CHOICES: readonly Choice[] = CHOICE_LIST;

/** Requirements no choice flips, each group with the reason it has no other defensible side to build. */
export interface NotFlippable {
  readonly ids: readonly string[];
  readonly reason: string;
}

export const NOT_FLIPPABLE: readonly NotFlippable[] = [
  {
    ids: each('TOKEN-INVALID-401', ...ALL_KEYS),
    reason:
      'RFC 6750 §3.1 and RFC 9110 §15.5.2 give a missing or invalid bearer token 401 with WWW-Authenticate; no reading of the docs asks another code (403 here is the seeded fault invalid-token-403).',
  },
  {
    ids: each('PERM-FOREIGN-APPID-REJECTED', ...PERMISSION_CHECKED),
    reason:
      'Accepting <another app id>:<action> would grant a token rights in its own app that no one gave it (the seeded fault foreign-app-permission-accepted); a client token reaches only its own app (decisions #12).',
  },
  {
    ids: each('404', KEY.CLIENTS_UPDATE, KEY.CLIENTS_RESOURCES),
    reason:
      'An unknown client id names no client; 404 is documented for the same id on get and delete, and a PUT cannot create a client whose id the server generates.',
  },
  {
    ids: ['CLIENTS-CREATE-ISOLATION-TOKEN-APP'],
    reason:
      'A client token acts in its own app (decisions #12); a client created in another app or tenant would break the documented isolation, so there is no other side.',
  },
  {
    ids: ['CLIENTS-CREATE-SAML-SHAPE'],
    reason:
      'The other side of "saml selects the SAML shape" is no SAML support at all, which no doc suggests (the create schema names authentication_protocol "saml"); fields inside the SAML shape are judged per keyword by its schema.',
  },
  {
    ids: ['CLIENTS-UPDATE-PROTOCOL-UNCHANGED'],
    reason:
      'Its check already accepts both defensible answers (the field ignored with a 2xx, or the body refused with 400); a PUT that turned an OIDC client into a SAML one without its SAML fields is not defensible.',
  },
  {
    ids: ['CLIENTS-CREATE-PROP-VALID-ACCEPTED'],
    reason:
      'A valid create body refused breaks the documented CLIENTS-CREATE-201, and the echo compares only output-schema fields; a create that drops what the mirror alone names shows first under CLIENTS-CREATE-201-BODY-INFERRED, which device-authorization-bare flips.',
  },
  {
    ids: ['CLIENTS-CREATE-PROP-INVALID-REJECTED'],
    reason:
      'Every mutated create body breaks a create-schema rule whose 400 is documented (CLIENTS-CREATE-400); refusing with another code would fail that documented rule, not this one.',
  },
  {
    ids: each('STATEFUL-MODEL', KEY.CLIENTS_LIST, KEY.CONSENTS_LIST),
    reason:
      'The model is the other rules put together (create, update, delete, filters); every choice that changes what a read returns after a write flips the rule it changes, and the model checks follow the choices the target makes where those rules are inferred.',
  },
  {
    ids: ['CLIENTS-DELETE-ALL-TOKEN-AFTER'],
    reason:
      "Its other side (the caller's token refused once its own client is gone) would make the documented delete-all checks skip, since they read the emptied app with that token; only a live tenant can say which side it takes.",
  },
  {
    ids: each('BODY-SERVER-FIELDS', ...BODY_KEYS),
    reason:
      'Its check already accepts both defensible answers (the server-chosen fields ignored, or the body refused with a 4xx); storing an id, secret or timestamp the caller sent is a mass-assignment defect, not a reading of the docs.',
  },
  {
    ids: ['CLIENTS-GET-TIMESTAMPS-KEPT', 'CLIENTS-UPDATE-TIMESTAMPS'],
    reason:
      'created_at and updated_at are set by the server on writes; a read of an unchanged client answering other values, or an update moving created_at or updated_at back, would report changes that never happened.',
  },
  {
    ids: each('VALUES-AGREE', KEY.CONSENTS_LIST, KEY.MANAGE_CONSENTS_LIST, KEY.ME_CONSENTS_LIST),
    reason:
      'One consent object serves every read (the consent schema is shared); a list and a read by id answering different ids, scope or timestamps for the same consent at the same moment has no reading in the docs.',
  },
  {
    ids: each('PERM-NO-CLAIM', ...PERMISSION_CHECKED),
    reason:
      'Its check can only send an empty ts_permissions list (the harness mints the claim always); an empty list granting everything has no reading, and the absent-claim side cannot be observed through it.',
  },
  {
    ids: ['CONSENTS-LIST-HOST-AVAILABILITY'],
    reason:
      'The reference is one host serving both APIs; the other side (no Consents API on the target host) would stop every Consents check from running, not flip one rule.',
  },
  {
    ids: ['MANAGE-CONSENTS-LIST-CLIENT-NAME-VALUE'],
    reason: "The field's name says what it holds; no reading of the docs gives client_name another value.",
  },
  {
    ids: ['ME-CONSENTS-REVOKE-2XX'],
    reason: 'A revoke that matched and removed the consents succeeded; any non-2xx would tell the caller it failed.',
  },
  {
    ids: ['ME-CONSENTS-REVOKE-ALL-FOR-CLIENT'],
    reason:
      'The path names only the client; without consent_id every consent of the caller for it is the one reading (revoking some of them would need a rule the docs do not hint at).',
  },
];

/** What the reference consults. `active` lists the choices switched on, in registry order. */
export interface ChoiceSet {
  readonly active: readonly ChoiceName[];
  isOn(name: ChoiceName): boolean;
  /** On, and it flips this requirement id: for choices that hold only for some operations. */
  isOnFor(name: ChoiceName, requirementId: string): boolean;
}

/** `default` (none), `alternate` (all), or names; an unknown name is an error that lists the known ones. */
export type ChoicesSpec = 'default' | 'alternate' | readonly string[];

export function choiceSet(spec: ChoicesSpec = 'default'): ChoiceSet {
  const names = spec === 'default' ? [] : spec === 'alternate' ? CHOICE_LIST.map((c) => c.name) : [...spec];
  const unknown = names.filter((name) => !CHOICE_LIST.some((c) => c.name === name));
  if (unknown.length > 0) {
    throw new Error(`unknown choice '${unknown.join("', '")}'; known choices: ${CHOICE_NAMES.join(', ')}`);
  }
  const active = CHOICE_LIST.filter((c) => names.includes(c.name));
  const on = new Set<string>(active.map((c) => c.name));
  return {
    active: active.map((c) => c.name),
    isOn: (name) => on.has(name),
    isOnFor: (name, requirementId) =>
      on.has(name) && (CHOICE_LIST.find((c) => c.name === name)?.flips as readonly string[]).includes(requirementId),
  };
}

export const CHOICE_NAMES: readonly string[] = CHOICE_LIST.map((c) => c.name);

/** The requirement ids the active choices flip. */
export function flippedBy(set: ChoiceSet): ReadonlySet<string> {
  return new Set(CHOICE_LIST.filter((c) => set.isOn(c.name)).flatMap((c) => c.flips));
}
