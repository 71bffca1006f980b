/**
 * The handlers in reference/routes are keyed by operation key; reference/routes/operationRoutes.ts pairs them with
 * the operation table read from schemas/openapi.yaml, and a mismatch either way stops the start-up.
 */
import { describe, expect, it } from 'vitest';
import { choiceSet } from '../../../reference/choices.js';
import { faultSwitch } from '../../../reference/faults.js';
import { OPERATIONS } from '../../../reference/operations.js';
import { clientHandlers } from '../../../reference/routes/clients.js';
import { consentHandlers } from '../../../reference/routes/consents.js';
import type { HandlerDeps, OperationHandler } from '../../../reference/routes/operationCall.js';
import { routesOf } from '../../../reference/routes/operationRoutes.js';
import { createMemoryStore } from '../../../reference/store/memoryStore.js';
import { loadRequestValidator } from '../../../reference/validation/requestValidator.js';
import { PACKAGE_ROOT } from '../support/packageRoot.js';

const deps: HandlerDeps = {
  store: createMemoryStore(),
  faults: faultSwitch(),
  choices: choiceSet(),
  validator: loadRequestValidator(PACKAGE_ROOT),
  clock: () => new Date(),
};
const handlers = { ...clientHandlers(deps), ...consentHandlers(deps) };

describe('routesOf', () => {
  it('pairs every operation of the table with its handler, in table order', () => {
    const routes = routesOf(handlers);
    expect(routes.map(([policy]) => policy)).toEqual(OPERATIONS);
    for (const [policy, handler] of routes) expect(handler).toBe(handlers[policy.key]);
  });

  it('refuses an operation without a handler, naming it', () => {
    const { [OPERATIONS[0]!.key]: _dropped, ...rest } = handlers;
    expect(() => routesOf(rest)).toThrow(`operation ${OPERATIONS[0]!.key} (schemas/openapi.yaml) has no handler`);
  });

  it('refuses a handler without an operation, naming it', () => {
    const stray: OperationHandler = () => ({ status: 200 });
    expect(() => routesOf({ ...handlers, 'CLIENTS-PATCH': stray })).toThrow(
      'a handler for CLIENTS-PATCH, an operation schemas/openapi.yaml does not declare',
    );
  });
});
