import type { CheckContext, SendRequest, TargetResponse } from '../../src/suite/index.js';
import type { Credentials } from './operationRecipes.js';

/** Sends `request` authenticated by `credentials` (bearer token, none, or a raw Authorization header). */
export function sendWith(
  c: CheckContext,
  credentials: Credentials,
  request: Omit<SendRequest, 'token'>,
): Promise<TargetResponse> {
  if (credentials === null || typeof credentials === 'string' || !('authorization' in credentials))
    return c.send({ ...request, token: credentials });
  return c.send({ ...request, token: null, headers: { ...request.headers, authorization: credentials.authorization } });
}
