import { expect } from 'vitest';
import { loadSchemaRegistry } from '../../../src/catalog/schemas.js';
import { PACKAGE_ROOT } from './packageRoot.js';

/**
 * Every schema under schemas/, in the harness's strict loader: a test asserting a body shape uses the committed
 * contract, in its full view (documented and inferred constraints, docs/decisions.md #35), since the reference
 * makes the inferred choices.
 */
const registry = loadSchemaRegistry(PACKAGE_ROOT);

/** Asserts that `body` validates against `schemas/<file>`, printing the validation errors otherwise. */
export function expectMatchesSchema(file: string, body: unknown): void {
  const { errors } = registry.validate(file, body, 'full');
  expect(errors, `body should match ${file}`).toEqual([]);
}
