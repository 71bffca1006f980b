/**
 * The one way a suite calls an operation: the typed client (`src/client/`) over the check's own `send`, so every
 * request is recorded, authenticated and redacted like any other. Raw `c.send` is for requests the client cannot
 * phrase (odd bodies, methods, paths or headers).
 */
import { createCisClient, type CisClient } from '../../src/client/index.js';
import type { CheckContext } from '../../src/suite/index.js';

export function cisOf(c: CheckContext): CisClient {
  return createCisClient((request) => c.send(request));
}
