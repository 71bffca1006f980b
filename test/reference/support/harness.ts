import type { FastifyInstance } from 'fastify';
import { buildReferenceApp, type ReferenceOptions } from '../../../reference/server.js';
import { PACKAGE_ROOT } from './packageRoot.js';
import { mintToken, type TestTokenOptions } from './tokens.js';

export interface CallOptions {
  /** A raw token, or options to mint one. Absent: no Authorization header. */
  readonly token?: string | TestTokenOptions;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface CallReply {
  readonly status: number;
  /** Parsed JSON, or the raw text when the body is not JSON ('' for none). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read replies ad hoc; shapes are asserted by schema
  readonly body: any;
  readonly headers: Readonly<Record<string, unknown>>;
}

export type Call = (method: string, url: string, options?: CallOptions) => Promise<CallReply>;

/** Permissions that pass every operation of a client token in its own app. */
export const ALL_PERMS = ['apps:create', 'apps:read', 'apps:edit', 'apps:delete', 'consents:read', 'consents:delete'];

export async function referenceApp(options: ReferenceOptions = {}): Promise<FastifyInstance> {
  return buildReferenceApp({ packageRoot: PACKAGE_ROOT, ...options });
}

/** Requests through `app.inject()` (no socket): the fast path for most tests. */
export function caller(app: FastifyInstance): Call {
  return async (method, url, options = {}) => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token !== undefined) {
      const token = typeof options.token === 'string' ? options.token : await mintToken(options.token);
      headers['authorization'] = `Bearer ${token}`;
    }
    const hasBody = options.body !== undefined;
    if (hasBody && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
      headers['content-type'] = 'application/json';
    }
    const response = await app.inject({
      method: method as 'GET',
      url,
      headers,
      ...(hasBody ? { payload: typeof options.body === 'string' ? options.body : JSON.stringify(options.body) } : {}),
    });
    let body: unknown = response.body;
    if (String(response.headers['content-type'] ?? '').includes('json') && response.body !== '') body = response.json();
    return { status: response.statusCode, body, headers: response.headers };
  };
}

/** Sets up an app through the state hook and answers its ids. */
export async function appExists(call: Call, tenant: string, app: string, clientId = `${app}-default`): Promise<void> {
  const reply = await call('POST', '/__conformance/state', {
    body: {
      state: 'an app exists',
      action: 'setup',
      params: { tenant_id: tenant, app_id: app, app_name: app, client_id: clientId },
    },
  });
  if (reply.status !== 200) throw new Error(`state hook failed: ${JSON.stringify(reply.body)}`);
}

export interface ConsentParams {
  readonly tenant_id: string;
  readonly app_id: string;
  readonly client_id: string;
  readonly user_id: string;
  readonly scope?: string;
  readonly consent_id?: string;
}

/** Creates a consent through the state hook and answers it. */
export async function consentExists(call: Call, params: ConsentParams): Promise<Record<string, unknown>> {
  const reply = await call('POST', '/__conformance/state', {
    body: { state: 'a consent exists', action: 'setup', params: { scope: 'openid', ...params } },
  });
  if (reply.status !== 200) throw new Error(`state hook failed: ${JSON.stringify(reply.body)}`);
  return reply.body as Record<string, unknown>;
}
