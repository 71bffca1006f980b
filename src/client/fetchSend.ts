import { requestUrl } from '../http/paths.js';
import { bearerOf } from '../model/checkCredential.js';
import type { SendRequest, TargetResponse } from '../model/targetExchange.js';
import type { Send } from './cisClient.js';

export interface FetchSendOptions {
  /** Headers added to every request (a request's own headers win). */
  readonly headers?: Readonly<Record<string, string>>;
  /** Abort a request after this many milliseconds. Default: no time-out. */
  readonly timeoutMs?: number;
  /** A fetch implementation; default: the global `fetch`, looked up per call so nock's patch applies. */
  readonly fetch?: typeof fetch;
}

function requestBody(request: SendRequest): { body?: string | Buffer; contentType?: string } {
  if (request.rawBody !== undefined) return { body: request.rawBody };
  if (request.body !== undefined) return { body: JSON.stringify(request.body), contentType: 'application/json' };
  return {};
}

function parseJson(text: string): { json: unknown; jsonError?: string } {
  if (text.length === 0) return { json: undefined };
  try {
    return { json: JSON.parse(text) as unknown };
  } catch (error) {
    return { json: undefined, jsonError: (error as Error).message };
  }
}

/**
 * A `send` on `fetch`: the simple transport for consumers and the Pact consumer tests (Pact's mock server and
 * nock both see global fetch). The harness's own runs use `src/http/` (undici with a keep-alive agent) instead.
 */
export function fetchSend(baseUrl: string, options: FetchSendOptions = {}): Send {
  return async (request) => {
    const { body, contentType } = requestBody(request);
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
    const bearer = bearerOf(request.token);
    if (bearer) headers.authorization = `Bearer ${bearer}`;
    if (contentType) headers['content-type'] = contentType;
    Object.assign(headers, request.headers);
    const doFetch = options.fetch ?? globalThis.fetch;
    const res = await doFetch(requestUrl(baseUrl, request), {
      method: request.method,
      headers,
      ...(body !== undefined ? { body } : {}),
      ...(options.timeoutMs !== undefined ? { signal: AbortSignal.timeout(options.timeoutMs) } : {}),
    });
    const responseHeaders: Record<string, string> = {};
    res.headers.forEach((value, name) => {
      responseHeaders[name] = value;
    });
    const text = await res.text();
    const response: TargetResponse = { status: res.status, headers: responseHeaders, text, ...parseJson(text) };
    return response;
  };
}
