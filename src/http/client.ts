import { Agent, request, type Dispatcher } from 'undici';
import { classifyTransportError, TargetError } from './errors.js';
import { parseJsonBody } from './json.js';
import { targetTimeout } from './targetTimeout.js';
import { noteBodyRead } from './bigBodyPacer.js';
import type { HttpRequest, HttpResponse, Send } from './types.js';

export const DEFAULT_MAX_RESPONSE_BYTES = 5 * 1024 * 1024;

export interface HttpClientOptions {
  /** Whole-request time-out (connect, headers and body). */
  readonly timeoutMs: number;
  /** Larger bodies reject with TargetError 'too-large'. Default 5 MiB. */
  readonly maxResponseBytes?: number;
  /**
   * `'keep-alive'` (default) makes a private keep-alive Agent; `'shared'` uses one keep-alive Agent per process
   * and time-out, which `close()` leaves open (the checks of a worker reuse its connections instead of opening
   * new ones each); `'global'` uses undici's global dispatcher, which nock replaces (TOOLCHAIN §3: an injected
   * dispatcher bypasses nock); or pass any dispatcher.
   */
  readonly dispatcher?: 'keep-alive' | 'shared' | 'global' | Dispatcher;
}

export interface HttpClient {
  readonly send: Send;
  /** Closes the private Agent, if any. */
  close(): Promise<void>;
}

export function createHttpClient(options: HttpClientOptions): HttpClient {
  const maxBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const own =
    options.dispatcher === undefined || options.dispatcher === 'keep-alive'
      ? new Agent({ keepAliveTimeout: 10_000, connections: 8, connect: { timeout: options.timeoutMs } })
      : undefined;
  const dispatcher =
    own ??
    (options.dispatcher === 'global'
      ? undefined
      : options.dispatcher === 'shared'
        ? sharedAgent(options.timeoutMs)
        : (options.dispatcher as Dispatcher));

  const send: Send = async (req) => {
    const what = `${req.method} ${req.url}`;
    // The whole-request time-out (src/http/targetTimeout.ts: this process's busy stretches are not the target's);
    // undici's own per-phase timers stay as a backstop at twice that.
    const timeout = targetTimeout(options.timeoutMs);
    try {
      const res = await request(req.url, {
        method: req.method,
        headers: { ...req.headers },
        body: req.body,
        signal: timeout.signal,
        headersTimeout: 2 * options.timeoutMs,
        bodyTimeout: 2 * options.timeoutMs,
        ...(dispatcher ? { dispatcher } : {}),
      });
      const text = await readCapped(res.body, maxBytes, what);
      const headers = flattenHeaders(res.headers);
      return { status: res.statusCode, headers, text, ...parseJsonBody(text, headers['content-type']) };
    } catch (error) {
      throw classifyTransportError(error, what, options.timeoutMs);
    } finally {
      timeout.clear();
    }
  };
  return { send, close: async () => own?.close() };
}

const sharedAgents = new Map<number, Agent>();

/**
 * The process's keep-alive Agent for one connect time-out. Unbounded connections per origin: the checks running
 * at once bound how many requests are in flight. Its idle sockets do not keep the process alive.
 */
function sharedAgent(timeoutMs: number): Agent {
  let agent = sharedAgents.get(timeoutMs);
  if (!agent)
    sharedAgents.set(timeoutMs, (agent = new Agent({ keepAliveTimeout: 10_000, connect: { timeout: timeoutMs } })));
  return agent;
}

async function readCapped(body: Dispatcher.ResponseData['body'], maxBytes: number, what: string): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    size += buffer.length;
    if (size > maxBytes) {
      body.destroy();
      throw new TargetError('too-large', `${what}: response body over ${maxBytes} bytes`);
    }
    chunks.push(buffer);
  }
  // The garbage earlier big answers left goes before this one adds its own (src/http/bigBodyPacer.ts).
  noteBodyRead(size);
  return Buffer.concat(chunks).toString('utf8');
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

/** Re-exported so callers need only this module for the common case. */
export type { HttpRequest, HttpResponse, Send };
