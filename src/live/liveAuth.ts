/**
 * The live auth wrapper around `send`: a request that carries a live client credential (a client token of other
 * permissions than the live one, src/model/checkCredential.ts) goes out only where the asked permissions and the
 * live token's are granted the request's operation alike; elsewhere the check is skipped with the reason. It sits
 * innermost, so the ownership guard and the recording see the request first, as they would any other.
 */
import type { HttpRequest, Send } from '../http/index.js';
import { grantedOn, OPERATION_PERMISSIONS, type OperationPermissions } from './grants.js';

export interface LiveAuthOptions {
  readonly baseUrl: string;
  readonly refuse: (reason: string) => Error;
}

export function withLiveAuth(send: Send, options: LiveAuthOptions): Send {
  return async (request) => {
    const credential = request.credential;
    if (!credential) return send(request);
    const what = `${request.method} ${new URL(request.url).pathname}`;
    const op = operationOf(request, options.baseUrl);
    const { permissions, held, appId } = credential;
    if (!op || grantedOn(permissions, op, appId) !== grantedOn(held, op, appId)) {
      throw options.refuse(
        `the check sent ${what} with a client token of permissions [${permissions.join(', ')}], which the live tenant ` +
          `cannot mint; its token holds [${held.join(', ')}], which ${op ? `${op.operation} treats differently` : 'is not a documented operation'}`,
      );
    }
    return send(request);
  };
}

/**
 * The documented operation a request calls: by its key where the caller named it (the typed client), otherwise
 * the first whose method and path template match the URL below the base URL (a check's own `c.send`).
 */
export function operationOf(
  request: Pick<HttpRequest, 'method' | 'url' | 'operation'>,
  baseUrl: string,
): OperationPermissions | undefined {
  if (request.operation !== undefined) return OPERATION_PERMISSIONS.find((op) => op.key === request.operation);
  const prefix = new URL(baseUrl.replace(/\/+$/, '')).pathname.replace(/\/+$/, '');
  const path = new URL(request.url).pathname;
  if (!path.startsWith(`${prefix}/`)) return undefined;
  const segments = path.slice(prefix.length).split('/').filter(Boolean);
  return OPERATION_PERMISSIONS.find((op) => {
    const [method, template = ''] = op.operation.split(' ');
    const parts = template.split('/').filter(Boolean);
    return (
      method === request.method &&
      parts.length === segments.length &&
      parts.every((part, i) => part.startsWith('{') || part === segments[i])
    );
  });
}
