import type { FastifyError, FastifyInstance } from 'fastify';

/**
 * An error a handler throws on purpose. The error handler turns it into the body the decisions fix:
 * 400 `{message: string[], error_code}` (each message names the field, decisions #2), every other status
 * `{message: string, error_code}` (#3–#5), 409 with `ts_error_code` (#4).
 */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly messages: readonly string[],
    readonly extra: Readonly<Record<string, string>> = {},
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(messages.join('; '));
    this.name = 'HttpError';
  }
}

export const badRequest = (...messages: string[]): HttpError => new HttpError(400, messages);
export const notFound = (message: string): HttpError => new HttpError(404, [message]);
export const forbidden = (message: string): HttpError => new HttpError(403, [message]);
export const unauthorized = (message: string): HttpError =>
  new HttpError(401, [message], {}, { 'www-authenticate': `Bearer error="invalid_token"` });
export const conflict = (message: string, tsErrorCode: string): HttpError =>
  new HttpError(409, [message], { ts_error_code: tsErrorCode });

export function errorBody(statusCode: number, messages: readonly string[], extra: Record<string, string> = {}): object {
  const message = statusCode === 400 ? [...messages] : messages.join('; ');
  return { message, error_code: statusCode, ...extra };
}

/**
 * Every failure answers JSON and nothing crashes the process. fastify's own errors (malformed JSON, 413, 415)
 * keep their 4xx status; anything else is a bug in the reference and answers 500 (the tests assert none occurs).
 */
export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | HttpError, request, reply) => {
    if (error instanceof HttpError) {
      void reply
        .code(error.statusCode)
        .headers(error.headers)
        .send(errorBody(error.statusCode, error.messages, { ...error.extra }));
      return;
    }
    const status = typeof error.statusCode === 'number' ? error.statusCode : 500;
    if (status >= 400 && status < 500) {
      void reply.code(status).send(errorBody(status, [describeFrameworkError(error)]));
      return;
    }
    request.log.error({ err: error }, 'unexpected error in the reference');
    void reply.code(500).send(errorBody(500, [`internal error in the reference emulator: ${error.message}`]));
  });
  app.setNotFoundHandler((request, reply) => {
    void reply.code(404).send(errorBody(404, [`no operation ${request.method} ${request.url.split('?')[0]}`]));
  });
}

function describeFrameworkError(error: FastifyError): string {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'the body must be application/json';
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'the body is larger than the 100 KiB limit';
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'body must be a JSON object, and the request has an empty body';
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case undefined:
      return 'body is not valid JSON';
    default:
      return error.message;
  }
}
