/** The transport's own request and response: absolute URL, raw body. Suites never see these types. */
import type { LiveClientCredential } from '../model/checkCredential.js';
import type { HttpMethod } from '../model/targetExchange.js';

export type { HttpMethod };

export interface HttpRequest {
  readonly method: HttpMethod;
  /** Absolute URL including the query string. */
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string | Buffer;
  /** A live credential whose token is in `headers`, decided per request by src/live/liveAuth.ts. */
  readonly credential?: LiveClientCredential;
  /** The operation key of the request, where the caller knew it. */
  readonly operation?: string;
}

export interface HttpResponse {
  readonly status: number;
  /** Lower-case names; repeated headers joined with `, `. */
  readonly headers: Readonly<Record<string, string>>;
  readonly text: string;
  /** Parsed JSON body, or undefined when the body is empty or not JSON (see `jsonError`). */
  readonly json: unknown;
  /** Why `json` is undefined although there was a body; absent for an empty body or valid JSON. */
  readonly jsonError?: string;
}

/** One function from request to response; auth, recording and redaction wrap it. Rejects only with TargetError. */
export type Send = (request: HttpRequest) => Promise<HttpResponse>;
