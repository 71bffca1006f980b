/** One request to the target as a check phrases it, and the target's answer (src/http/auth.ts sends the one). */
import type { CheckCredential } from './checkCredential.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';

export interface SendRequest {
  readonly method: HttpMethod;
  /** Path below the base URL, already filled in, e.g. `/v1/clients/abc`. Path ids are URI-encoded by the caller. */
  readonly path: string;
  readonly query?: Readonly<Record<string, string | undefined>>;
  /** Bearer token (or a live credential); null or absent sends no Authorization header. */
  readonly token?: CheckCredential | null;
  /** The operation key (e.g. `CLIENTS-GET`) where the caller knows it: the typed client does for every call. */
  readonly operation?: string;
  /** JSON body (serialized with content-type application/json). */
  readonly body?: unknown;
  /** Raw body, sent as is (with `headers['content-type']` if given). Excludes `body`. */
  readonly rawBody?: string | Buffer;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface TargetResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly text: string;
  /** Parsed JSON body, or undefined when the body is empty or not JSON (see `jsonError`). */
  readonly json: unknown;
  readonly jsonError?: string;
}
