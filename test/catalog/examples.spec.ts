import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadSchemaRegistry } from '../../src/catalog/schemas.js';

// Runs fixtures/examples/*.json (JSON-Schema-Test-Suite shape) against the schema registry.
interface ExampleCase {
  readonly description: string;
  readonly data: unknown;
  /** Against every constraint (the full view). */
  readonly valid: boolean;
  /**
   * Against the documented constraints alone, when that differs: `true` on a case that breaks only inferred
   * (`x-inferred`) constraints (docs/decisions.md #35).
   */
  readonly documentedValid?: boolean;
}
interface ExampleGroup {
  readonly description: string;
  readonly schema: { readonly $ref: string };
  readonly tests: readonly ExampleCase[];
}

const packageRoot = fileURLToPath(new URL('../..', import.meta.url));
const examplesDir = join(packageRoot, 'fixtures', 'examples');
const registry = loadSchemaRegistry(packageRoot);
const fixtureFiles = readdirSync(examplesDir)
  .filter((f) => f.endsWith('.json'))
  .sort();

/** Schemas that have no example fixture, each with the reason. */
const SCHEMAS_WITHOUT_EXAMPLE_FIXTURE: Readonly<Record<string, string>> = {
  'requirements.schema.json':
    "the catalog's own schema, owned by the catalog author; schemas/requirements.json is its test case",
};

const fixtureNameFor = (schemaFile: string): string => schemaFile.replace(/\.schema\.json$/, '.json');
const readGroups = (file: string): ExampleGroup[] =>
  JSON.parse(readFileSync(join(examplesDir, file), 'utf8')) as ExampleGroup[];

describe('every schema has an example fixture', () => {
  for (const schemaFile of registry.files()) {
    const reason = SCHEMAS_WITHOUT_EXAMPLE_FIXTURE[schemaFile];
    if (reason !== undefined) {
      it.skip(`${schemaFile}: ${reason}`, () => {});
      continue;
    }
    it(schemaFile, () => {
      expect(
        existsSync(join(examplesDir, fixtureNameFor(schemaFile))),
        `missing fixtures/examples/${fixtureNameFor(schemaFile)}`,
      ).toBe(true);
    });
  }
});

describe('request fixtures cover the documented examples, a missing required field, a wrong type and an enum', () => {
  for (const schemaFile of registry.files().filter((f) => f.endsWith('.request.schema.json'))) {
    it(schemaFile, () => {
      const cases = readGroups(fixtureNameFor(schemaFile)).flatMap((group) => group.tests);
      const invalid = cases.filter((c) => !c.valid).map((c) => c.description);
      expect(cases.some((c) => c.valid)).toBe(true);
      // Update bodies require nothing (docs/facts.md §2.0.3), so there is no required field to leave out.
      if (!schemaFile.startsWith('client-update'))
        expect(invalid.some((d) => d.startsWith('missing required'))).toBe(true);
      expect(invalid.some((d) => d.startsWith('wrong type'))).toBe(true);
      if (schemaFile !== 'client-resources.request.schema.json') {
        expect(invalid.some((d) => d.startsWith('outside enum'))).toBe(true); // the resources body has no enum
      }
    });
  }
});

describe.each(fixtureFiles)('fixtures/examples/%s', (fixtureFile) => {
  const groups = readGroups(fixtureFile);

  it('targets the schema its file name names', () => {
    expect(groups.length).toBeGreaterThan(0);
    for (const group of groups) expect(fixtureNameFor(group.schema.$ref)).toBe(fixtureFile);
  });

  describe.each(groups.map((g) => [g.description, g] as const))('%s', (_description, group) => {
    it.each(group.tests.map((c) => [`${c.description} → ${c.valid ? 'valid' : 'invalid'}`, c] as const))(
      '%s',
      (_name, example) => {
        const full = registry.validate(group.schema.$ref, example.data, 'full');
        if (example.valid) expect(full.errors).toEqual([]);
        expect(full.valid).toBe(example.valid);
        const documented = registry.validate(group.schema.$ref, example.data, 'documented');
        const documentedValid = example.documentedValid ?? example.valid;
        if (documentedValid) expect(documented.errors).toEqual([]);
        expect(documented.valid).toBe(documentedValid);
      },
    );
  });
});
