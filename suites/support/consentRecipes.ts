/**
 * Recipes for the seven Consents operations. Consents come only from the consent flow, so each recipe sets up one
 * consent of a fresh user for the app's default client through the state hook (`c.fixtures.consent`).
 */
import { fillPath } from '../../src/client/index.js';
import type { AppFixture, CheckContext, SendRequest } from '../../src/suite/index.js';
import { OP, type OperationKey } from './operationAuth.js';
import type { OperationRecipe, PreparedOperation } from './operationRecipes.js';
import { describeState, readConsentAsOwner } from './ownerAccess.js';
import { sendWith } from './sendWith.js';

type ConsentsKey = Exclude<OperationKey, `CLIENTS-${string}`>;

interface ConsentSetup {
  readonly app: AppFixture;
  readonly userId: string;
  readonly clientId: string;
  readonly consentId: string;
}

function onOneConsent(
  key: ConsentsKey,
  method: 'GET' | 'DELETE',
  path: string,
  spec: {
    readonly successRequirement: string;
    readonly documentedTokenType: 'client' | 'user';
    readonly adminTokenUnknown: boolean;
    /** The request's path parameters and query, from what was set up. */
    readonly request: (
      setup: ConsentSetup,
    ) => Pick<SendRequest, 'query'> & { readonly params?: Record<string, string> };
  },
): OperationRecipe {
  const mutates = method === 'DELETE';
  return {
    key,
    method,
    path,
    needsStateHook: true,
    consumedOnSuccess: mutates,
    mutates,
    successRequirement: spec.successRequirement,
    documentedTokenType: spec.documentedTokenType,
    adminTokenUnknown: spec.adminTokenUnknown,
    async prepare(c: CheckContext, app: AppFixture): Promise<PreparedOperation> {
      const userId = c.fixtures.id('user');
      const consent = await c.fixtures.consent({ app, userId });
      const setup: ConsentSetup = { app, userId, clientId: consent.client_id, consentId: consent.consent_id };
      const { params, query } = spec.request(setup);
      return {
        key,
        app,
        userId,
        clientId: setup.clientId,
        consentId: setup.consentId,
        request: (credentials) =>
          sendWith(c, credentials, { method, path: fillPath(path, params), ...(query ? { query } : {}) }),
        snapshot: async () =>
          mutates
            ? describeState(await readConsentAsOwner(c, app, setup.consentId), ['consent_id', 'user_id'])
            : undefined,
      };
    },
  };
}

const CLIENT_TOKEN = { documentedTokenType: 'client', adminTokenUnknown: false } as const;
const MANAGE_TOKEN = { documentedTokenType: 'client', adminTokenUnknown: true } as const;
const USER_TOKEN = { documentedTokenType: 'user', adminTokenUnknown: false } as const;

export const CONSENT_RECIPES: Readonly<Record<ConsentsKey, OperationRecipe>> = {
  [OP.CONSENTS_LIST]: onOneConsent(OP.CONSENTS_LIST, 'GET', '/v1/consents', {
    ...CLIENT_TOKEN,
    successRequirement: 'CONSENTS-LIST-200',
    request: () => ({}),
  }),
  [OP.CONSENTS_GET]: onOneConsent(OP.CONSENTS_GET, 'GET', '/v1/consents/{consentId}', {
    ...CLIENT_TOKEN,
    successRequirement: 'CONSENTS-GET-200',
    request: ({ consentId }) => ({ params: { consentId } }),
  }),
  [OP.CONSENTS_DELETE_USER]: onOneConsent(
    OP.CONSENTS_DELETE_USER,
    'DELETE',
    '/v1/consents/clients/{clientId}/users/{userId}',
    {
      ...CLIENT_TOKEN,
      successRequirement: 'CONSENTS-DELETE-USER-2XX',
      request: ({ clientId, userId }) => ({ params: { clientId, userId } }),
    },
  ),
  [OP.MANAGE_CONSENTS_LIST]: onOneConsent(OP.MANAGE_CONSENTS_LIST, 'GET', '/v1/manage/consents', {
    ...MANAGE_TOKEN,
    successRequirement: 'MANAGE-CONSENTS-LIST-200',
    request: ({ app }) => ({ query: { app_id: app.appId } }),
  }),
  [OP.MANAGE_CONSENTS_DELETE]: onOneConsent(
    OP.MANAGE_CONSENTS_DELETE,
    'DELETE',
    '/v1/manage/consents/clients/{clientId}/users/{userId}',
    {
      ...MANAGE_TOKEN,
      successRequirement: 'MANAGE-CONSENTS-DELETE-2XX',
      request: ({ app, clientId, userId }) => ({ params: { clientId, userId }, query: { app_id: app.appId } }),
    },
  ),
  [OP.ME_CONSENTS_LIST]: onOneConsent(OP.ME_CONSENTS_LIST, 'GET', '/v1/consents/me', {
    ...USER_TOKEN,
    successRequirement: 'ME-CONSENTS-LIST-200',
    request: () => ({}),
  }),
  [OP.ME_CONSENTS_REVOKE]: onOneConsent(OP.ME_CONSENTS_REVOKE, 'DELETE', '/v1/consents/me/clients/{clientId}', {
    ...USER_TOKEN,
    successRequirement: 'ME-CONSENTS-REVOKE-2XX',
    request: ({ clientId }) => ({ params: { clientId } }),
  }),
};
