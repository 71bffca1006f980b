import { mkdtempSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { Validator } from '@seriousme/openapi-schema-validator';
import { loadSchemaRegistry, type JsonSchema } from '../../src/spec/schemas.js';

const packageRoot = fileURLToPath(new URL('../..', import.meta.url));
const registry = loadSchemaRegistry(packageRoot);
const schemaFiles = readdirSync(join(packageRoot, 'schemas'))
  .filter((f) => f.endsWith('.schema.json'))
  .sort();
// The catalog's own schema belongs to the catalog author; the rules below are the body-schema conventions.
const bodySchemaFiles = schemaFiles.filter((f) => f !== 'requirements.schema.json');

/** Every `$ref` string in a schema, with the JSON path where it sits. */
function collectRefs(node: unknown, path = '#'): Array<{ ref: string; at: string }> {
  if (Array.isArray(node)) return node.flatMap((item, i) => collectRefs(item, `${path}/${i}`));
  if (typeof node !== 'object' || node === null) return [];
  return Object.entries(node).flatMap(([key, value]) =>
    key === '$ref' && typeof value === 'string' ? [{ ref: value, at: path }] : collectRefs(value, `${path}/${key}`),
  );
}

function resolvePointer(doc: unknown, pointer: string): unknown {
  if (pointer === '') return doc;
  return pointer
    .slice(1)
    .split('/')
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>(
      (node, token) =>
        typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[token] : undefined,
      doc,
    );
}

function hasClosedObject(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(hasClosedObject);
  if (typeof node !== 'object' || node === null) return false;
  return Object.entries(node).some(
    ([key, value]) => (key === 'additionalProperties' && value === false) || hasClosedObject(value),
  );
}

describe('schema registry', () => {
  it('holds every schemas/*.schema.json file, each compiled under ajv strict mode', () => {
    expect(registry.files()).toEqual(schemaFiles);
    expect(bodySchemaFiles.length).toBeGreaterThanOrEqual(27);
    for (const file of schemaFiles) {
      const id = registry.schema(file).$id;
      expect(registry.ajv.getSchema(typeof id === 'string' ? id : file), file).toBeTypeOf('function');
    }
  });

  it('reports failures as readable lines: instance path, then the message', () => {
    const result = registry.validate('client-single.envelope.schema.json', { result: { name: 5 } });
    expect(result.valid).toBe(false);
    expect(result.errors).toContain('/result/name must be string');
    expect(registry.validate('error-404.schema.json', {}).errors).toContain("/ must have required property 'message'");
    expect(registry.validate('error-404.schema.json', { message: 'x', error_code: 404 })).toEqual({
      valid: true,
      errors: [],
    });
  });

  it('names the file when asked for a schema it does not hold', () => {
    expect(() => registry.validate('nope.schema.json', {})).toThrow(/unknown schema file "nope.schema.json"/);
    expect(() => registry.schema('nope.schema.json')).toThrow(/unknown schema file/);
  });

  describe('rejects a broken schemas folder at load, naming the file', () => {
    const roots: string[] = [];
    afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));
    const folderWith = (file: string, body: object): string => {
      const root = mkdtempSync(join(tmpdir(), 'schemas-spec-'));
      roots.push(root);
      mkdirSync(join(root, 'schemas'));
      writeFileSync(join(root, 'schemas', file), JSON.stringify(body));
      return root;
    };
    it('an unknown keyword (strict mode)', () => {
      const root = folderWith('bad.schema.json', { $id: 'bad.schema.json', type: 'object', propertys: {} });
      expect(() => loadSchemaRegistry(root)).toThrow(/bad\.schema\.json.*unknown keyword/);
    });
    it('a $ref to a file that is not there', () => {
      const root = folderWith('dangling.schema.json', { $id: 'dangling.schema.json', $ref: 'missing.schema.json' });
      expect(() => loadSchemaRegistry(root)).toThrow(/dangling\.schema\.json.*missing\.schema\.json/);
    });
  });
});

describe.each(bodySchemaFiles)('%s', (file) => {
  const schema: JsonSchema = registry.schema(file);

  it('is draft 2020-12 with $id equal to its file name, a title, a description and examples', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe(file);
    expect(schema.title).toBeTypeOf('string');
    expect(schema.description).toBeTypeOf('string');
    expect(Array.isArray(schema.examples) && schema.examples.length > 0).toBe(true);
  });

  it('accepts every one of its own examples', () => {
    for (const [i, example] of (schema.examples as unknown[]).entries()) {
      expect(registry.validate(file, example).errors, `examples[${i}]`).toEqual([]);
    }
  });

  it('has only $refs that resolve: a known file and, after #, a JSON pointer into it', () => {
    for (const { ref, at } of collectRefs(schema)) {
      const [target = '', fragment = ''] = ref.split('#');
      expect(target === '' || schemaFiles.includes(target), `${at}: ${ref} names a file that is not in schemas/`).toBe(
        true,
      );
      const doc = target === '' ? schema : registry.schema(target);
      expect(resolvePointer(doc, fragment), `${at}: ${ref} points at nothing`).toBeTypeOf('object');
    }
  });

  it('never forbids additional properties (unknown fields are ignored, decisions #6; servers may add fields)', () => {
    expect(hasClosedObject(schema)).toBe(false);
  });
});

describe('OpenAPI bundling', () => {
  it("a maintained OpenAPI validator resolves every cross-file $ref through the files' $id alone", async () => {
    const paths = Object.fromEntries(
      bodySchemaFiles.map((file, i) => [
        `/probe${i}`,
        {
          post: {
            responses: { '200': { description: file, content: { 'application/json': { schema: { $ref: file } } } } },
          },
        },
      ]),
    );
    const spec = { openapi: '3.1.0', info: { title: 'ref probe', version: '1' }, paths };
    // validateBundle registers each sub-schema under its $id (objects have no file name to fall back on).
    const subSchemas = bodySchemaFiles.map((file) => structuredClone(registry.schema(file)) as Record<string, unknown>);
    expect(await new Validator().validateBundle([spec, ...subSchemas])).toEqual({ valid: true });
  });
});
