import type { FastifyInstance } from 'fastify';
import { errorBody } from '../errors.js';
import type { OperationPolicy } from '../operations.js';

/**
 * A method that a known path does not list answers 405 with an `Allow` header naming the methods it does list
 * (RFC 9110 §15.5.6; inferred, docs/decisions.md "Unsupported methods: 405 with Allow"), not 404: the path names a
 * resource, only the method is wrong. The answer comes in `onRequest`, before authentication and before a body is
 * read, as routing itself would give it. HEAD is listed wherever GET is, since fastify answers it there.
 */
export function registerMethodNotAllowed(app: FastifyInstance, operations: readonly OperationPolicy[]): void {
  for (const [url, allowed] of allowedMethodsByUrl(operations)) {
    const others = app.supportedMethods.filter((method) => !allowed.includes(method));
    const allow = allowed.join(', ');
    app.route({
      method: others,
      url,
      onRequest: async (request, reply) => {
        const path = request.url.split('?')[0];
        return reply
          .code(405)
          .header('allow', allow)
          .send(errorBody(405, [`${request.method} is not supported on ${path}; allowed: ${allow}`]));
      },
      handler: async () => {
        throw new Error('unreachable: onRequest answers every unsupported method');
      },
    });
  }
}

/** The fastify route URLs of `operations`, each with its methods (plus HEAD where GET is), sorted. */
export function allowedMethodsByUrl(operations: readonly OperationPolicy[]): Map<string, string[]> {
  const byUrl = new Map<string, Set<string>>();
  for (const { url, method } of operations) {
    const methods = byUrl.get(url) ?? new Set<string>();
    methods.add(method);
    if (method === 'GET') methods.add('HEAD');
    byUrl.set(url, methods);
  }
  return new Map([...byUrl].map(([url, methods]) => [url, [...methods].sort()]));
}
