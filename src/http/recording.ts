import type { RecordedExchange } from '../model/checkRecord.js';
import { isTargetError } from './errors.js';
import { redactExchange, type SecretLedger } from './redact.js';
import type { HttpRequest, HttpResponse, Send } from './types.js';

/**
 * Wraps `send` so that every exchange — answered or not — reaches `sink` already redacted. The ledger learns
 * the secrets of each exchange (the bearer token sent, secrets in the request and response bodies) before
 * redaction, so later text that quotes them can be scrubbed too.
 */
export function withRecording(send: Send, sink: (exchange: RecordedExchange) => void, ledger: SecretLedger): Send {
  return async (request) => {
    ledger.addAuthorization(request.headers['authorization'] ?? request.headers['Authorization']);
    const requestBody = bodyForRecord(request);
    ledger.addFromJson(requestBody);
    const started = performance.now();
    try {
      const response = await send(request);
      ledger.addFromJson(response.json);
      sink(redactExchange(exchangeOf(request, requestBody, started, response), ledger));
      return response;
    } catch (error) {
      const message = isTargetError(error) || error instanceof Error ? error.message : String(error);
      sink(redactExchange({ ...exchangeOf(request, requestBody, started), error: message }, ledger));
      throw error;
    }
  };
}

function exchangeOf(request: HttpRequest, body: unknown, started: number, response?: HttpResponse): RecordedExchange {
  return {
    request: {
      method: request.method,
      url: request.url,
      headers: request.headers,
      ...(body !== undefined ? { body } : {}),
    },
    ...(response
      ? {
          response: {
            status: response.status,
            headers: response.headers,
            ...(response.text !== '' ? { body: response.json !== undefined ? response.json : response.text } : {}),
          },
        }
      : {}),
    durationMs: Math.round(performance.now() - started),
  };
}

/** A JSON request body is recorded parsed (readable in reports); anything else as text. */
function bodyForRecord(request: HttpRequest): unknown {
  if (request.body === undefined) return undefined;
  const text = typeof request.body === 'string' ? request.body : request.body.toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
