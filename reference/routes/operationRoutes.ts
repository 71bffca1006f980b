import type { FastifyInstance, FastifyRequest } from 'fastify';
import { authorize } from '../auth/authorize.js';
import type { Principal } from '../auth/principal.js';
import type { TokenVerifier } from '../auth/verifyToken.js';
import type { FaultSwitch } from '../faults.js';
import { OPERATIONS, type OperationKey } from '../operations.js';
import type { OperationHandler } from './operationCall.js';

export interface OperationRouteDeps {
  readonly verify: TokenVerifier;
  readonly faults: FaultSwitch;
  readonly handlers: Readonly<Record<OperationKey, OperationHandler>>;
}

/**
 * One route per operation. Authentication and authorization run in `onRequest`, before the body is read, so an
 * unauthenticated caller learns nothing about body rules and never makes the reference parse a body.
 */
export function registerOperations(app: FastifyInstance, deps: OperationRouteDeps): void {
  const principals = new WeakMap<FastifyRequest, Principal>();
  for (const policy of OPERATIONS) {
    const handler = deps.handlers[policy.key];
    app.route({
      method: policy.method,
      url: policy.url,
      onRequest: async (request) => {
        const principal = await deps.verify(request.headers.authorization);
        authorize(principal, policy, deps.faults);
        principals.set(request, principal);
      },
      handler: async (request, reply) => {
        const principal = principals.get(request);
        if (!principal) throw new Error(`no principal recorded for ${policy.key}`);
        const outcome = handler({
          principal,
          params: (request.params ?? {}) as Record<string, string>,
          query: (request.query ?? {}) as Record<string, unknown>,
          body: request.body,
        });
        reply.code(outcome.status);
        return 'result' in outcome ? reply.send({ result: outcome.result }) : reply.send();
      },
    });
  }
}
