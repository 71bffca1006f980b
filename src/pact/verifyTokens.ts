/**
 * The tokens the verifier puts into the requests Pact replays: each consumer's kind of token (the table in
 * consumers.ts) for the app, client and user its provider states set up, minted by the harness's issuer.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Send } from '../http/index.js';
import { fillPath, urlBelow } from '../http/paths.js';
import { expandPermissions, type Minter } from '../issuer/minter.js';
import type { PactConsumer } from './consumers.js';
import type { StateSession } from './verifyStates.js';

/**
 * Puts the consumer's token into each request Pact replays. Pact's own state calls (`/_pactSetup`) pass through
 * this filter too and are left untouched. An interaction that cannot be verified as written (a state that could
 * not be set up, no token) is not sent to the target: the filter answers it with status 599 itself, so Pact's own
 * verdict on it, and so a published verification result, is a failure too, never a pass by chance.
 */
export function tokenFilter(consumer: PactConsumer, session: StateSession, minter: Minter) {
  return (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void): void => {
    if ((req.url ?? '').startsWith('/_pactSetup')) return next();
    const refuse = (): void => {
      const problems = session.problems.get(session.current()) ?? [];
      res.writeHead(NOT_VERIFIED_STATUS, { 'content-type': 'text/plain' });
      res.end(`cis-conformance: not sent to the target: ${problems.join('; ')}`);
    };
    if (session.problems.has(session.current())) return refuse();
    mintFor(consumer, session.values(), minter).then(
      (token) => {
        req.headers.authorization = `Bearer ${token}`;
        next();
      },
      (error: unknown) => {
        session.fail(`no ${consumer.token.kind} token: ${error instanceof Error ? error.message : String(error)}`);
        refuse();
      },
    );
  };
}

/** The status of the answer the filter gives an interaction it does not send (no API answers it). */
export const NOT_VERIFIED_STATUS = 599;

function stringValue(values: Readonly<Record<string, unknown>>, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value === '') throw new Error(`the provider states gave no ${name}`);
  return value;
}

export async function mintFor(consumer: PactConsumer, values: Readonly<Record<string, unknown>>, minter: Minter) {
  const appId = stringValue(values, 'app_id');
  const base = {
    tenantId: stringValue(values, 'tenant_id'),
    appId,
    appName: typeof values['app_name'] === 'string' ? values['app_name'] : appId,
    clientId: stringValue(values, 'client_id'),
  };
  if (consumer.token.kind === 'user') return minter.user({ ...base, userId: stringValue(values, 'user_id') });
  return minter.client({ ...base, permissions: expandPermissions(consumer.token.permissions, appId) });
}

/**
 * `${client_name}` (the duplicate-name 409) is not in the hook's answer: read the app's default client with a
 * token of that app allowed to read it. The Clients envelope is inferred (docs/decisions.md #1): both shapes work.
 */
export async function defaultClientName(
  values: Readonly<Record<string, unknown>>,
  options: { readonly minter: Minter; readonly baseUrl: string },
  send: Send,
): Promise<Record<string, unknown>> {
  const appId = stringValue(values, 'app_id');
  const clientId = stringValue(values, 'client_id');
  const token = await options.minter.client({
    tenantId: stringValue(values, 'tenant_id'),
    appId,
    appName: typeof values['app_name'] === 'string' ? values['app_name'] : appId,
    clientId,
    permissions: ['apps:read', `${appId}:read`],
  });
  const url = urlBelow(options.baseUrl, fillPath('/v1/clients/{clientId}', { clientId }));
  const res = await send({
    method: 'GET',
    url,
    headers: { accept: 'application/json', authorization: `Bearer ${token}` },
  });
  const body = res.json as { result?: { name?: unknown }; name?: unknown } | undefined;
  const name = body?.result?.name ?? body?.name;
  if (res.status !== 200 || typeof name !== 'string') {
    throw new Error(`cannot read the name of the default client: GET /v1/clients/${clientId} answered ${res.status}`);
  }
  return { client_name: name };
}
