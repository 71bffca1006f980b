/**
 * The consumers whose contracts live in `contracts/`, and what the provider verifier needs to know about each:
 * which token its requests carry and which provider states it uses. The consumer tests
 * (`test/pact/*.pact.spec.ts`), the verifier and the pact suite's replay (`suites/pact/support/replay.ts`) read
 * this table.
 */
import type { CisOperationName } from '../client/operations.js';

/** The provider name in every contract. */
export const PACT_PROVIDER = 'cis-api';

/**
 * The provider states of the state hook (docs/design.md §2.3, decisions.md #26). The hook knows only these
 * two, so "a client exists" is expressed as `an app exists`: the app's default client (its `client_id` param)
 * is the client the interaction reads, changes or deletes.
 */
export const PROVIDER_STATES = {
  appExists: 'an app exists',
  consentExists: 'a consent exists',
} as const;

/**
 * Values an interaction takes from its provider states (`MatchersV3.fromProviderState`), so that a verifier may
 * give a run its own ids: the hook's answer supplies `tenant_id`, `app_id`, `app_name`, `client_id` and, for a
 * consent, `consent_id`, `user_id`, `scope`; `client_name` (the name of the app's default client, for the
 * duplicate-name 409) the verifier must add by reading that client.
 */
export const PROVIDER_STATE_VALUES = [
  'tenant_id',
  'app_id',
  'app_name',
  'client_id',
  'client_name',
  'consent_id',
  'user_id',
] as const;

export interface PactConsumer {
  readonly name: string;
  readonly description: string;
  /**
   * The token the verifier puts in each request's Authorization header: a ClientAccessToken of the state's app
   * and client holding `permissions`, or a UserAccessToken of the state's `user_id` through that client. A client
   * token holds every permission the docs list for each of the consumer's operations: that a list means "any one
   * of them" is inferred (docs/decisions.md #11), so a token valid only under that reading would make the
   * contracts rest on it.
   */
  readonly token: { readonly kind: 'client'; readonly permissions: readonly string[] } | { readonly kind: 'user' };
  readonly operations: readonly CisOperationName[];
}

export const PACT_CONSUMERS = {
  adminConsole: {
    name: 'cis-admin-console',
    description: "An admin console that manages an app's clients.",
    token: {
      kind: 'client',
      permissions: [
        'apps:read',
        '[appId]:read',
        'apps:create',
        '[appId]:create',
        'apps:edit',
        '[appId]:edit',
        'apps:delete',
        '[appId]:delete',
      ],
    },
    operations: [
      'createClient',
      'listClients',
      'deleteAllClients',
      'getClient',
      'updateClient',
      'deleteClient',
      'updateClientResources',
    ],
  },
  consentManager: {
    name: 'cis-consent-manager',
    description: "A back office that reviews and removes the consents of an app's users.",
    token: {
      kind: 'client',
      permissions: ['apps:read', '[appId]:read', 'consents:read', 'apps:delete', '[appId]:delete', 'consents:delete'],
    },
    operations: ['listConsents', 'getConsent', 'deleteUserConsents', 'listAppConsents', 'deleteClientConsents'],
  },
  accountPage: {
    name: 'cis-account-page',
    description: "An end user's account page that lists and revokes the user's own consents.",
    token: { kind: 'user' },
    operations: ['listMyConsents', 'revokeMyConsent'],
  },
} as const satisfies Record<string, PactConsumer>;

/** Each consumer's token by its name, as a contract names its consumer (the suites' replay reads it). */
export const CONSUMER_TOKENS: Readonly<Record<string, PactConsumer['token']>> = Object.fromEntries(
  Object.values(PACT_CONSUMERS).map((consumer) => [consumer.name, consumer.token]),
);

/** The pact file Pact writes for a consumer, e.g. `cis-admin-console-cis-api.json`. */
export function pactFileName(consumer: string): string {
  return `${consumer}-${PACT_PROVIDER}.json`;
}
