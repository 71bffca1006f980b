/**
 * What an app's owner does around a check: create a client to act on, and re-read clients and consents with a
 * token that certainly may read them. Used to set up recipes and to prove afterwards that a rejected request
 * changed nothing.
 */
import type { AppFixture, CheckContext, CheckCredential, TargetResponse } from '../../src/suite/index.js';
import { cisOf } from './cis.js';
import { resultOf } from './envelope.js';
import { OP, operationAuth, type OperationKey } from './operationAuth.js';

/**
 * A client token holding every permission `key` lists. Holding them all, it is accepted whether a target reads the
 * list as any-of (the inferred reading) or all-of.
 */
export function fullAccessToken(c: CheckContext, app: AppFixture, key: OperationKey): Promise<CheckCredential> {
  return c.tokens.client({ app, permissions: operationAuth(c.config.packageRoot, key).permissions });
}

/** A client token that may read the app's clients and consents (the lists of CLIENTS-GET and CONSENTS-GET). */
export function ownerReadToken(c: CheckContext, app: AppFixture): Promise<CheckCredential> {
  const root = c.config.packageRoot;
  const permissions = [
    ...new Set([
      ...operationAuth(root, OP.CLIENTS_GET).permissions,
      ...operationAuth(root, OP.CONSENTS_GET).permissions,
    ]),
  ];
  return c.tokens.client({ app, permissions });
}

export const CALLBACK_URI = 'https://app.example.test/callback';

/**
 * Creates a client in `app` through the API (so it works with or without a state hook) and returns its id.
 * A create the target refuses means the check cannot reach its point: it throws, and the check ends as an error.
 */
export async function createClientAsOwner(
  c: CheckContext,
  app: AppFixture,
  name = c.fixtures.id('client'),
): Promise<string> {
  const { response: res } = await cisOf(c).createClient(await fullAccessToken(c, app, OP.CLIENTS_CREATE), {
    name,
    redirect_uris: [CALLBACK_URI],
  });
  const clientId = (resultOf(res) as { client_id?: unknown } | undefined)?.client_id;
  if (res.status < 200 || res.status > 299 || typeof clientId !== 'string') {
    throw new Error(
      `could not set up: creating a client as the app's owner answered ${res.status} ${res.text.slice(0, 200)}`,
    );
  }
  return clientId;
}

export async function readClientAsOwner(c: CheckContext, app: AppFixture, clientId: string): Promise<TargetResponse> {
  return (await cisOf(c).getClient(await ownerReadToken(c, app), clientId)).response;
}

export async function listClientsAsOwner(c: CheckContext, app: AppFixture): Promise<TargetResponse> {
  return (await cisOf(c).listClients(await ownerReadToken(c, app))).response;
}

export async function readConsentAsOwner(c: CheckContext, app: AppFixture, consentId: string): Promise<TargetResponse> {
  return (await cisOf(c).getConsent(await ownerReadToken(c, app), consentId)).response;
}

/** The `field` values of the items of a list answer (empty when the answer is not a list). */
export function listedValues(res: TargetResponse, field: string): string[] {
  const items = resultOf(res);
  if (!Array.isArray(items)) return [];
  return items.map((item) =>
    item !== null && typeof item === 'object' ? String((item as Record<string, unknown>)[field]) : '',
  );
}

/** A short, stable description of an answer for "before/after" comparisons: status and the chosen fields. */
export function describeState(res: TargetResponse, fields: readonly string[]): string {
  const body = resultOf(res);
  if (res.status < 200 || res.status > 299 || body === null || typeof body !== 'object') return `status ${res.status}`;
  const picked = Object.fromEntries(fields.map((f) => [f, (body as Record<string, unknown>)[f]]));
  return `status ${res.status} ${JSON.stringify(picked)}`;
}
