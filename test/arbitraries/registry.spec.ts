import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createSchemaArbitraries } from '../../src/arbitraries/registry.js';
import { loadSchemaRegistry } from '../../src/catalog/schemas.js';
import type { AjvCheck } from './support/schemaLaws.js';
import { describeSchemaLaws } from './support/schemaLaws.js';

const registry = loadSchemaRegistry(fileURLToPath(new URL('../..', import.meta.url)));

/**
 * ajv's own errors (objects, not the registry's formatted lines), from the registry's configured ajv of the full
 * view: the arbitraries compile each file's full view, documented and inferred constraints (docs/decisions.md #35).
 */
function registryCheck(file: string): AjvCheck {
  const id = registry.schema(file).$id;
  const validate = registry.ajvFor('full').getSchema(typeof id === 'string' ? id : file);
  if (!validate) throw new Error(`the registry's ajv has no schema for ${file}`);
  return (value) => (validate(value) ? null : [...(validate.errors ?? [])]);
}

describe('the laws, for every schema in schemas/', () => {
  it('finds the schema files', () => expect(registry.files().length).toBeGreaterThanOrEqual(25));
  // Two independent factories, so law (a) compares two real builds; each is shared by all files, as in use.
  const factories = { first: createSchemaArbitraries(registry), second: createSchemaArbitraries(registry) };
  for (const file of registry.files()) {
    describeSchemaLaws(
      file,
      {
        valid: (build) => factories[build].valid(file),
        invalid: (build) => factories[build].invalid(file),
        check: registryCheck(file),
      },
      { numRuns: 50, shrinkSeeds: 4, shrinkBudget: 80 },
    );
  }
});

describe('createSchemaArbitraries', () => {
  it('returns the same arbitrary for the same file and options (built once)', () => {
    const arbitraries = createSchemaArbitraries(registry);
    expect(arbitraries.valid('client.schema.json')).toBe(arbitraries.valid('client.schema.json'));
    expect(arbitraries.invalid('client.schema.json', { kinds: ['wrong-type'] })).not.toBe(
      arbitraries.invalid('client.schema.json'),
    );
  });
  it('names an unknown file', () => {
    expect(() => createSchemaArbitraries(registry).valid('nope.schema.json')).toThrow(/nope\.schema\.json/);
  });
});
