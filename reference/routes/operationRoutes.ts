import type { FastifyInstance, FastifyRequest } from 'fastify';
import { authorize } from '../auth/authorize.js';
import type { Principal } from '../auth/principal.js';
import type { TokenVerifier } from '../auth/verifyToken.js';
import type { ChoiceSet } from '../choices.js';
import { forbidden, HttpError } from '../errors.js';
import type { FaultSwitch } from '../faults.js';
import { CLIENT_KEYS } from '../operationGroups.js';
import { KEY, OPERATIONS, type OperationPolicy } from '../operations.js';
import type { HandlerTable, OperationHandler } from './operationCall.js';

export interface OperationRouteDeps {
  readonly verify: TokenVerifier;
  readonly faults: FaultSwitch;
  readonly choices: ChoiceSet;
  readonly handlers: HandlerTable;
}

/**
 * One route per operation. Authentication and authorization run in `onRequest`, before the body is read, so an
 * unauthenticated caller learns nothing about body rules and never makes the reference parse a body.
 */
export function registerOperations(app: FastifyInstance, deps: OperationRouteDeps): void {
  const principals = new WeakMap<FastifyRequest, Principal>();
  for (const [policy, handler] of routesOf(deps.handlers)) {
    app.route({
      method: policy.method,
      url: policy.url,
      onRequest: async (request) => {
        const { faults } = deps;
        if (faults.isOn('missing-token-accepted') && request.headers.authorization === undefined)
          return void principals.set(request, anonymousPrincipal(policy));
        const principal = await deps.verify(request.headers.authorization).catch((error: unknown) => {
          throw faults.isOn('invalid-token-403') && isUnauthorized(error) ? forbidden(error.message) : error;
        });
        authorize(principal, policy, faults, deps.choices);
        principals.set(request, principal);
      },
      handler: async (request, reply) => {
        const principal = principals.get(request);
        if (!principal) throw new Error(`no principal recorded for ${policy.key}`);
        const outcome = handler({
          key: policy.key,
          principal,
          params: (request.params ?? {}) as Record<string, string>,
          query: (request.query ?? {}) as Record<string, unknown>,
          body: request.body,
        });
        reply.code(outcome.status);
        const bare =
          (deps.faults.isOn('envelope-missing') && policy.key === KEY.CLIENTS_GET) ||
          (deps.choices.isOn('clients-bare') && CLIENT_KEYS.includes(policy.key));
        // `paging-total-header` (reference/choices.ts): a list says how many items it holds.
        if (Array.isArray(outcome.result) && deps.choices.isOnFor('paging-total-header', `${policy.key}-PAGING-SIGNAL`))
          reply.header('x-total-count', String(outcome.result.length));
        if (!('result' in outcome)) return reply.send();
        return reply.send(bare ? outcome.result : { result: outcome.result });
      },
    });
  }
}

/**
 * Each operation of the table with its handler. An operation without a handler, or a handler without an
 * operation, is a start-up error naming them all.
 */
export function routesOf(handlers: HandlerTable): [OperationPolicy, OperationHandler][] {
  const routes: [OperationPolicy, OperationHandler][] = [];
  const problems: string[] = [];
  for (const policy of OPERATIONS) {
    const handler = handlers[policy.key];
    if (handler) routes.push([policy, handler]);
    else problems.push(`operation ${policy.key} (schemas/openapi.yaml) has no handler in reference/routes`);
  }
  for (const key of Object.keys(handlers).filter((key) => !OPERATIONS.some((policy) => policy.key === key)))
    problems.push(`reference/routes has a handler for ${key}, an operation schemas/openapi.yaml does not declare`);
  if (problems.length > 0)
    throw new Error(`the reference's routes do not match its operations: ${problems.join('; ')}`);
  return routes;
}

/** `missing-token-accepted`: a caller of the operation's first token type in an app of its own that holds nothing. */
function anonymousPrincipal(policy: OperationPolicy): Principal {
  const type = policy.tokenTypes[0] ?? 'client';
  return { type, tenantId: 'anonymous', appId: 'anonymous', subject: 'anonymous', permissions: [] };
}

function isUnauthorized(error: unknown): error is HttpError {
  return error instanceof HttpError && error.statusCode === 401;
}
