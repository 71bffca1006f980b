import { requestUrl } from './paths.js';
import type { HttpMethod, HttpRequest } from './types.js';

/** A request as suites phrase it: a path below the target's base URL and an optional bearer token. */
export interface TargetRequest {
  readonly method: HttpMethod;
  readonly path: string;
  readonly query?: Readonly<Record<string, string | undefined>>;
  /** Bearer token; null or absent sends no Authorization header. */
  readonly token?: string | null;
  readonly body?: unknown;
  readonly rawBody?: string | Buffer;
  readonly headers?: Readonly<Record<string, string>>;
}

/** The one place a bearer token becomes a header and a path becomes a URL. */
export function toHttpRequest(baseUrl: string, request: TargetRequest): HttpRequest {
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
