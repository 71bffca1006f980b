import { bearerOf } from '../model/checkCredential.js';
import type { SendRequest } from '../model/targetExchange.js';
import { requestUrl } from './paths.js';
import type { HttpRequest } from './types.js';

/** The one place a bearer token becomes a header and a path becomes a URL. */
export function toHttpRequest(baseUrl: string, request: SendRequest): HttpRequest {
  const url = requestUrl(baseUrl, request);
  const headers: Record<string, string> = { accept: 'application/json' };
  for (const [name, value] of Object.entries(request.headers ?? {})) headers[name.toLowerCase()] = value;
  const token = bearerOf(request.token);
  if (token) headers['authorization'] = `Bearer ${token}`;
  let body: string | Buffer | undefined;
  if (request.rawBody !== undefined) {
    body = request.rawBody;
  } else if (request.body !== undefined) {
    body = JSON.stringify(request.body);
    headers['content-type'] ??= 'application/json';
  }
  // A live credential travels on, with the operation it is for, to the wrapper that decides whether it may go out.
  const live = typeof request.token === 'object' && request.token !== null ? request.token : undefined;
  return {
    method: request.method,
    url,
    headers,
    ...(body !== undefined ? { body } : {}),
    ...(live ? { credential: live, ...(request.operation !== undefined ? { operation: request.operation } : {}) } : {}),
  };
}
