/**
 * Replays the exchanges of fixtures/sandbox/ with nock on the real sandbox host, so tests drive the real live code
 * path (token endpoint, sandbox target, checks, ledger, clean-up) offline. Live code uses undici's global dispatcher,
 * which nock replaces (TOOLCHAIN §3); net connect stays disabled, so any request nobody expected fails the test.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import nock from 'nock';
import { findPackageRoot } from '../../../src/engine/packageRoot.js';

export const SANDBOX = 'https://api.sbx.transmitsecurity.io';
export const packageRoot = findPackageRoot();

/** The environment of a live run: the app client's credentials (the secret is only ever sent to the token endpoint). */
export const ENV = { CIS_CLIENT_ID: 'sbxClient8Rw3', CIS_CLIENT_SECRET: 'sbx-client-secret-7Hd2Lq9Wm' } as const;
export const ADMIN_ENV = {
  CIS_ADMIN_CLIENT_ID: 'sbxMgmtClient5Vd',
  CIS_ADMIN_CLIENT_SECRET: 'sbx-admin-secret-3Pk8Xc',
} as const;

export interface Exchange {
  readonly note: string;
  readonly request: { readonly method: string; readonly path: string; readonly contentType?: string };
  readonly response: {
    readonly status: number;
    readonly headers: Record<string, string>;
    readonly body: unknown;
  };
}

export function exchange(name: string): Exchange {
  return JSON.parse(readFileSync(join(packageRoot, 'fixtures/sandbox', `${name}.json`), 'utf8')) as Exchange;
}

export const CLIENT_TOKEN = (exchange('token-client').response.body as { access_token: string }).access_token;
export const ADMIN_TOKEN = (exchange('token-admin').response.body as { access_token: string }).access_token;
export const USER_TOKEN = (
  JSON.parse(readFileSync(join(packageRoot, 'fixtures/sandbox/user-token.json'), 'utf8')) as { token: string }
).token;
/** The app of CLIENT_TOKEN's claims. */
export const SANDBOX_APP = {
  tenantId: 'sbxTenant7Qm2',
  appId: 'sbxApp4Kp9Zt',
  appName: 'Conformance Sandbox App',
  clientId: 'sbxClient8Rw3',
} as const;

export interface ReplayOptions {
  readonly method?: string;
  readonly path?: string;
  readonly status?: number;
  readonly headers?: Record<string, string>;
  readonly body?: unknown;
  /** Replace `RUNID` in the body (client names carry the run id). */
  readonly runId?: string;
  readonly times?: number;
  /** For the token endpoint: the client whose credentials the form must carry. */
  readonly credentials?: { readonly id: string; readonly secret: string };
}

/** Registers one fixture exchange as a nock interceptor on the sandbox host. */
export function replay(name: string, options: ReplayOptions = {}): nock.Scope {
  const { request, response } = exchange(name);
  const path = options.path ?? request.path;
  let body = options.body !== undefined ? options.body : response.body;
  if (options.runId !== undefined) body = JSON.parse(JSON.stringify(body).replaceAll('RUNID', options.runId));
  const scope = nock(SANDBOX);
  let sentName: unknown;
  const credentials = options.credentials ?? { id: ENV.CIS_CLIENT_ID, secret: ENV.CIS_CLIENT_SECRET };
  const interceptor =
    request.path === '/oidc/token'
      ? scope.post(
          path,
          (form: Record<string, string>) =>
            form.grant_type === 'client_credentials' &&
            form.client_id === credentials.id &&
            form.client_secret === credentials.secret,
        )
      : echoesName(request, options)
        ? // nock 15.0.0 gives a reply function no request body; the body matcher sees it first.
          scope.intercept(path, 'POST', (sent: unknown) => {
            sentName = typeof sent === 'object' && sent !== null ? (sent as { name?: unknown }).name : undefined;
            return true;
          })
        : scope.intercept(path, options.method ?? request.method);
  return interceptor
    .times(options.times ?? 1)
    .reply(
      options.status ?? response.status,
      echoesName(request, options) ? () => withSentName(body, sentName) : body === null ? '' : (body as nock.Body),
      { ...response.headers, ...options.headers },
    );
}

/**
 * A create's answer names the client as it was asked (the live service echoes the body): a fixture create whose
 * answer name holds `RUNID` (the file's, or a body the test gave) gets the name the request sent.
 */
const echoesName = (request: Exchange['request'], options: ReplayOptions): boolean =>
  request.method === 'POST' && request.path === '/cis/v1/clients' && options.runId === undefined;

function withSentName(body: unknown, sentName: unknown): nock.Body {
  const result = (body as { result?: Record<string, unknown> }).result;
  if (typeof sentName !== 'string' || result === undefined || !String(result.name).includes('RUNID')) {
    return body as nock.Body;
  }
  return { ...(body as object), result: { ...result, name: sentName } } as nock.Body;
}
