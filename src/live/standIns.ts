/**
 * Stand-in tokens: deciding per request instead of per token. The live tenant mints one client token; a check may
 * ask for a token with other permissions. Whether the live token can serve depends on where the check sends it:
 * under the any-of reading (docs/facts.md §1.5) a token's permissions matter to a request only through one question — is
 * it granted the request's operation? So `c.tokens.client` hands out a stand-in carrying the asked permissions, and
 * the check's transport answers that question when a request goes out: the same answer for the asked permissions
 * and the live token's → the live token is sent instead; a different answer → the check is skipped with the reason
 * (it would judge the target by a token the tenant cannot mint). A stand-in is never sent to the target.
 */
import type { HttpRequest, Send } from '../http/index.js';
import type { OperationPermissions } from './grants.js';
import { decodeJwtClaims, type TokenClaims } from './jwt.js';

const MARKER = 'cis_live_stand_in';

interface Issued {
  /** The (expanded) permissions the check asked for. */
  readonly permissions: readonly string[];
  /** `live`: a stand-in, replaced by the live token; `as-is`: a broken token made from the live one, sent unchanged. */
  readonly send: 'live' | 'as-is';
}

/** The tokens this process handed out whose fate is decided per request. */
const issued = new Map<string, Issued>();
let counter = 0;

/**
 * A broken token made from the live one (alg-none, forged signature) for a check that asked for other
 * permissions: it goes out unchanged, but only where the asked permissions and the live ones are granted alike.
 */
export function registerConditional(token: string, permissions: readonly string[]): string {
  issued.set(token, { permissions: [...permissions], send: 'as-is' });
  return token;
}

/** An unsigned JWT with the live token's claims but the asked permissions, marked so it can never go out. */
export function standInToken(liveClaims: TokenClaims, permissions: readonly string[]): string {
  const encode = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  const claims = { ...liveClaims, ts_permissions: [...permissions], [MARKER]: ++counter };
  const token = `${encode({ alg: 'none', typ: 'JWT' })}.${encode(claims)}.`;
  issued.set(token, { permissions: [...permissions], send: 'live' });
  return token;
}

/** The asked permissions of a stand-in; `altered` for a modified one (its payload still carries the marker). */
export function standInOf(token: string): Issued | 'altered' | undefined {
  const entry = issued.get(token);
  if (entry) return entry;
  return decodeJwtClaims(token)?.[MARKER] !== undefined ? 'altered' : undefined;
}

/** The documented operation (`METHOD /path`) a request calls, matching path templates below the base URL. */
export function operationOf(
  request: Pick<HttpRequest, 'method' | 'url'>,
  baseUrl: string,
  operations: readonly OperationPermissions[],
): OperationPermissions | undefined {
  const prefix = new URL(baseUrl.replace(/\/+$/, '')).pathname.replace(/\/+$/, '');
  const path = new URL(request.url).pathname;
  if (!path.startsWith(`${prefix}/`)) return undefined;
  const segments = path.slice(prefix.length).split('/').filter(Boolean);
  return operations.find((op) => {
    const [method, template = ''] = op.operation.split(' ');
    const parts = template.split('/').filter(Boolean);
    return (
      method === request.method &&
      parts.length === segments.length &&
      parts.every((part, i) => part.startsWith('{') || part === segments[i])
    );
  });
}

export function grantedOn(permissions: readonly string[], op: OperationPermissions, appId: string): boolean {
  const held = new Set(permissions);
  return op.permissions.some((p) => held.has(p.replaceAll('[appId]', appId)));
}

export interface StandInOptions {
  readonly baseUrl: string;
  readonly operations: readonly OperationPermissions[];
  /** The live token with its app and permissions. */
  readonly live: () => Promise<{
    readonly token: string;
    readonly appId: string;
    readonly permissions: readonly string[];
  }>;
  readonly refuse: (reason: string) => Error;
}

/** Replaces a stand-in by the live token where that changes nothing, and refuses the request elsewhere. */
export function withStandIns(send: Send, options: StandInOptions): Send {
  return async (request) => {
    const header = request.headers['authorization'];
    const token = header?.replace(/^Bearer\s+/i, '');
    const asked = token !== undefined && token !== header ? standInOf(token) : undefined;
    if (asked === undefined) return send(request);
    const what = `${request.method} ${new URL(request.url).pathname}`;
    if (asked === 'altered') {
      throw options.refuse(
        `the check altered a stand-in for a token the live tenant cannot mint, and sent it to ${what}`,
      );
    }
    const op = operationOf(request, options.baseUrl, options.operations);
    const live = await options.live();
    const { permissions } = asked;
    if (!op || grantedOn(permissions, op, live.appId) !== grantedOn(live.permissions, op, live.appId)) {
      throw options.refuse(
        `the check sent ${what} with a client token of permissions [${permissions.join(', ')}], which the live tenant ` +
          `cannot mint; its token holds [${live.permissions.join(', ')}], which ${op ? `${op.operation} treats differently` : 'is not a documented operation'}`,
      );
    }
    if (asked.send === 'as-is') return send(request);
    return send({ ...request, headers: { ...request.headers, authorization: `Bearer ${live.token}` } });
  };
}
