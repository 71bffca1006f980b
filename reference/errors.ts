import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { choiceSet, type ChoiceSet } from './choices.js';
import { OPERATIONS } from './operations.js';

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
export function installErrorHandlers(app: FastifyInstance, choices: ChoiceSet = choiceSet()): void {
  app.setErrorHandler((error: FastifyError | HttpError, request, reply) => {
    const key = operationKeyOf(request);
    if (error instanceof HttpError) {
      const status = chosenStatus(choices, key, error.statusCode, `${error.statusCode}`);
      void reply
        .code(status)
        .headers(error.headers)
        .send(chosenBody(choices, key, status, error.messages, { ...error.extra }));
      return;
    }
    const status = typeof error.statusCode === 'number' ? error.statusCode : 500;
    if (status >= 400 && status < 500) {
      const cause = status === 415 ? '415' : status === 400 ? 'MALFORMED-JSON-400' : `${status}`;
      const chosen = chosenStatus(choices, key, status, cause);
      void reply.code(chosen).send(chosenBody(choices, key, chosen, [describeFrameworkError(error)]));
      return;
    }
    request.log.error({ err: error }, 'unexpected error in the reference');
    void reply.code(500).send(errorBody(500, [`internal error in the reference emulator: ${error.message}`]));
  });
  app.setNotFoundHandler((request, reply) => {
    void reply.code(404).send(errorBody(404, [`no operation ${request.method} ${request.url.split('?')[0]}`]));
  });
}

/** The operation a request was routed to, if any (the requirement ids of choices are per operation). */
function operationKeyOf(request: FastifyRequest): string | undefined {
  const url = request.routeOptions.url;
  return OPERATIONS.find((p) => p.method === request.method && p.url === url)?.key;
}

/**
 * Choices on error codes (reference/choices.ts): `validation-422` answers 422 where a request error's 400 is
 * inferred (`cause` is the rule: `400` for a refused body or query, `MALFORMED-JSON-400` for unparsable JSON);
 * `content-type-400` answers 400 instead of 415.
 */
function chosenStatus(choices: ChoiceSet, key: string | undefined, status: number, cause: string): number {
  if (key === undefined) return status;
  if (status === 400 && choices.isOnFor('validation-422', `${key}-${cause}`)) return 422;
  if (status === 415 && choices.isOnFor('content-type-400', `${key}-415`)) return 400;
  return status;
}

/** Choices on error bodies: RFC 6750 bodies for 401/403, NestJS default bodies where a body shape is inferred. */
function chosenBody(
  choices: ChoiceSet,
  key: string | undefined,
  status: number,
  messages: readonly string[],
  extra: Record<string, string> = {},
): object {
  if (
    key !== undefined &&
    (status === 401 || status === 403) &&
    choices.isOnFor('oauth-error-bodies', `${key}-AUTH-ERROR-BODY`)
  ) {
    return { error: status === 401 ? 'invalid_token' : 'insufficient_scope', error_description: messages.join('; ') };
  }
  if (key !== undefined && choices.isOnFor('nest-error-bodies', `${key}-${status}-BODY`)) {
    return {
      statusCode: status,
      message: status === 400 ? [...messages] : messages.join('; '),
      error: NEST_ERRORS[status] ?? 'Error',
    };
  }
  return errorBody(status, messages, extra);
}

const NEST_ERRORS: Readonly<Record<number, string>> = { 400: 'Bad Request', 404: 'Not Found', 409: 'Conflict' };

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
