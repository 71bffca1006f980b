import { mkdtempSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { Validator } from '@seriousme/openapi-schema-validator';
import { loadSchemaRegistry, type JsonSchema } from '../../src/catalog/schemas.js';
import { INFERRED_KEYWORD } from '../../src/catalog/schemaViews.js';

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
      expect(registry.ajvFor('full').getSchema(typeof id === 'string' ? id : file), `${file} (full view)`).toBeTypeOf(
        'function',
      );
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

  it('accepts every one of its own examples, in the documented and the full view', () => {
    for (const [i, example] of (schema.examples as unknown[]).entries()) {
      expect(registry.validate(file, example).errors, `examples[${i}]`).toEqual([]);
      expect(registry.validate(file, example, 'full').errors, `examples[${i}] (full view)`).toEqual([]);
    }
  });

  it('keeps every x-inferred block a schema object of standard keywords (docs/decisions.md #35)', () => {
    for (const block of inferredBlocks(schema)) {
      expect(typeof block === 'object' && block !== null && !Array.isArray(block)).toBe(true);
      for (const key of Object.keys(block as object)) expect(key, `x-inferred holds ${key}`).not.toMatch(/^x-/);
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

/** Every `x-inferred` value in a schema. */
function inferredBlocks(node: unknown): unknown[] {
  if (Array.isArray(node)) return node.flatMap(inferredBlocks);
  if (typeof node !== 'object' || node === null) return [];
  return Object.entries(node).flatMap(([key, value]) =>
    key === INFERRED_KEYWORD ? [value, ...inferredBlocks(value)] : inferredBlocks(value),
  );
}

describe('evidence per schema keyword (docs/decisions.md #35)', () => {
  const example = registry.schema('client-oidc.schema.json').examples as Record<string, unknown>[];
  const client = example[0] as Record<string, unknown>;
  const without = (...fields: string[]) =>
    Object.fromEntries(Object.entries(client).filter(([k]) => !fields.includes(k)));

  it('the documented view of a client wants the fields the older docs show; the full view the MIRROR list too', () => {
    const lean = without('client_secret', 'session_expiration', 'enforce_par', 'ciba_authorization');
    expect(registry.validate('client.schema.json', lean).valid).toBe(true);
    expect(registry.validate('client.schema.json', lean, 'full').errors).toContain(
      "/ must have required property 'client_secret'",
    );
    expect(registry.validate('client.schema.json', without('client_id')).errors).toContain(
      "/ must have required property 'client_id'",
    );
  });

  it('device_authorization without its URIs is documented-valid and fails only the full view', () => {
    const body = { ...client, device_authorization: { enabled: true } };
    expect(registry.validate('client.schema.json', body).valid).toBe(true);
    expect(registry.validate('client.schema.json', body, 'full').errors).toContain(
      "/device_authorization must have required property 'approval_uri'",
    );
    expect(
      registry.validate('client-create.request.schema.json', {
        name: 'n',
        redirect_uris: [],
        device_authorization: { enabled: true },
      }).valid,
    ).toBe(true);
  });

  it('a MIRROR-only type is inferred: session_expiration as a string fails only the full view', () => {
    const body = { ...client, session_expiration: '1209600' };
    expect(registry.validate('client.schema.json', body).valid).toBe(true);
    expect(registry.validate('client.schema.json', body, 'full').errors).toContain(
      '/session_expiration must be number',
    );
  });

  it('a client without authentication_protocol is judged as OIDC, not let through by the SAML branch', () => {
    expect(registry.validate('client.schema.json', without('authentication_protocol')).valid).toBe(true);
    expect(registry.validate('client.schema.json', without('authentication_protocol', 'redirect_uris')).valid).toBe(
      false,
    );
  });

  it('the MIRROR-only 409 body constrains nothing documented', () => {
    expect(registry.validate('error-409.schema.json', { message: 'taken' }).valid).toBe(true);
    expect(registry.validate('error-409.schema.json', { message: 'taken' }, 'full').valid).toBe(false);
  });

  it('types tls_client_auth.distinguished_name as a string or a number, never null', () => {
    const body = (dn: unknown) => ({
      name: 'n',
      redirect_uris: [],
      authentication_configuration: { method: 'tls_client_auth', tls_client_auth: { distinguished_name: dn } },
    });
    for (const view of ['documented', 'full'] as const) {
      expect(registry.validate('client-create-oidc.request.schema.json', body('CN=app'), view).valid).toBe(true);
      expect(registry.validate('client-create-oidc.request.schema.json', body(12), view).valid).toBe(true);
      expect(registry.validate('client-create-oidc.request.schema.json', body(null), view).valid).toBe(false);
    }
  });

  it('knows which files hold inferred constraints, through their $refs', () => {
    expect(registry.hasInferred('client-oidc.schema.json')).toBe(true);
    expect(registry.hasInferred('client-single.envelope.schema.json')).toBe(true);
    expect(registry.hasInferred('consent-list.envelope.schema.json')).toBe(false);
    expect(registry.hasInferred('error-404.schema.json')).toBe(false);
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
