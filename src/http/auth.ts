import type { SendRequest } from '../model/targetExchange.js';
import { requestUrl } from './paths.js';
import type { HttpRequest } from './types.js';

/** The one place a bearer token becomes a header and a path becomes a URL. */
export function toHttpRequest(baseUrl: string, request: SendRequest): HttpRequest {
  const url = requestUrl(baseUrl, request);
  const headers: Record<string, string> = { accept: 'application/json' };
  for (const [name, value] of Object.entries(request.headers ?? {})) headers[name.toLowerCase()] = value;
  if (request.token) headers['authorization'] = `Bearer ${request.token}`;
  let body: string | Buffer | undefined;
  if (request.rawBody !== undefined) {
    body = request.rawBody;
  } else if (request.body !== undefined) {
    body = JSON.stringify(request.body);
    headers['content-type'] ??= 'application/json';
  }
  return { method: request.method, url, headers, ...(body !== undefined ? { body } : {}) };
}
