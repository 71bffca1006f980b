import { existsSync, mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { Validator } from '@seriousme/openapi-schema-validator';
import { loadOpenApi, operationsOf, OPENAPI_FILE } from '../../src/catalog/openapi.js';
import { loadCatalog, operationLabel } from '../../src/catalog/catalog.js';

const root = resolve(import.meta.dirname, '../..');
const doc = loadOpenApi(root);
const operations = operationsOf(doc);
const catalog = loadCatalog(root);

interface SeedOperation {
  method: string;
  path: string;
  permissions: string[];
  security: string[];
}
const seeds = (
  JSON.parse(readFileSync(join(root, 'fixtures/spec/seed-operations.json'), 'utf8')) as { operations: SeedOperation[] }
).operations;

const label = (o: { method: string; path: string }) => `${o.method} ${o.path}`;
const BODY_METHODS = new Set(['POST', 'PUT']);

/** A validator that knows every schema file by the relative name openapi.yaml refers to it by. */
async function validatorWithSchemas(): Promise<Validator> {
  const validator = new Validator();
  for (const file of readdirSync(join(root, 'schemas')).filter((f) => f.endsWith('.schema.json')))
    await validator.addSpecRef(join(root, 'schemas', file), file);
  return validator;
}

describe('openapi.yaml as a document', () => {
  it('is valid OpenAPI 3.1 for @seriousme/openapi-schema-validator, refs included', async () => {
    const validator = await validatorWithSchemas();
    const result = await validator.validate(join(root, OPENAPI_FILE));
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('is rejected by the same validator once broken (the validation is not vacuous)', async () => {
    const broken = structuredClone(doc) as Record<string, unknown>;
    delete broken['info'];
    const result = await (await validatorWithSchemas()).validate(broken);
    expect(result.valid).toBe(false);
  });

  it('declares the JSON Schema 2020-12 dialect', () => {
    expect(doc.openapi).toMatch(/^3\.1\./);
    expect(doc['jsonSchemaDialect']).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it('resolves every $ref: the file exists next to it and the JSON pointer exists in it', () => {
    const { files, problems } = walkRefs(join(root, OPENAPI_FILE));
    expect(problems).toEqual([]);
    // openapi.yaml reaches the request, object, envelope and error schemas.
    expect(files.length).toBeGreaterThan(15);
  });

  it('reports a ref to a missing file and to a missing pointer (the walk can fail)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'refs-'));
    try {
      writeFileSync(
        join(dir, 'a.yaml'),
        'x:\n  $ref: missing.schema.json\ny:\n  $ref: "#/nowhere"\nz:\n  $ref: "#/x"\n',
      );
      expect(walkRefs(join(dir, 'a.yaml')).problems).toEqual([
        `${join(dir, 'a.yaml')}: missing.schema.json (no such file)`,
        `${join(dir, 'a.yaml')}: #/nowhere (no such pointer)`,
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('openapi.yaml against the seeds', () => {
  it('has exactly the 14 method + path pairs of the seeds', () => {
    expect(operations.map(label).sort()).toEqual(seeds.map(label).sort());
    expect(operations).toHaveLength(14);
  });

  it.each(seeds.map((s) => [label(s), s] as const))(
    '%s: x-permissions and x-token-types match the seeds',
    (_, seed) => {
      const op = operations.find((o) => label(o) === label(seed))!;
      expect(op.permissions).toEqual(seed.permissions);
      expect(op.tokenTypes).toEqual(seed.security);
      const raw = doc.paths[seed.path]![seed.method.toLowerCase()] as Record<string, unknown>;
      expect(raw['security']).toEqual(seed.security.map((scheme) => ({ [scheme]: [] })));
      expect(raw['x-permission-semantics']).toBe(seed.permissions.length > 0 ? 'any-of' : 'none');
    },
  );

  it('declares the five security schemes of docs/facts.md §1.3', () => {
    const schemes = (doc.components?.['securitySchemes'] ?? {}) as Record<string, unknown>;
    expect(Object.keys(schemes).sort()).toEqual(
      ['AdminAccessToken', 'ClientAccessToken', 'OrgAdminAccessToken', 'UserAccessToken', 'bearer'].sort(),
    );
  });
});

describe('openapi.yaml against the catalog', () => {
  it('names exactly the operations of the catalog, with the same operationIds and keys', () => {
    expect(operations.map(label).sort()).toEqual(catalog.operations.map(operationLabel).sort());
    for (const ref of catalog.operations) {
      const op = operations.find((o) => label(o) === operationLabel(ref))!;
      expect(op.operationId).toBe(ref.operationId);
      expect((doc.paths[ref.path]![ref.method.toLowerCase()] as Record<string, unknown>)['x-operation-key']).toBe(
        ref.key,
      );
    }
  });

  it('has a <KEY>-<STATUS> requirement for every documented response, with the same evidence', () => {
    const missing: string[] = [];
    for (const ref of catalog.operations) {
      const op = operations.find((o) => label(o) === operationLabel(ref))!;
      for (const status of op.responses) {
        const id = `${ref.key}-${status}`;
        const requirement = catalog.requirements.find((r) => r.id === id);
        if (!requirement) {
          if (op.responseEvidence[status] === 'documented') missing.push(id);
          continue;
        }
        expect(requirement.operation, id).toBe(operationLabel(ref));
        expect(requirement.evidence, id).toBe(op.responseEvidence[status]);
      }
    }
    expect(missing).toEqual([]);
  });

  it('states 405 with Allow for unsupported methods, inferred, with one catalog rule per path', () => {
    const statement = doc['x-unsupported-methods'] as Record<string, unknown>;
    expect(statement['status']).toBe(405);
    expect(Object.keys(statement['headers'] as object)).toEqual(['Allow']);
    expect(statement['x-evidence']).toBe('inferred');
    // The path's first operation in catalog order names its rule.
    const firstByPath = new Map<string, string>();
    for (const ref of catalog.operations) if (!firstByPath.has(ref.path)) firstByPath.set(ref.path, ref.key);
    expect(Object.keys(doc.paths).sort()).toEqual([...firstByPath.keys()].sort());
    const rules = catalog.requirements.filter((r) => r.id.endsWith('-UNSUPPORTED-METHOD-405'));
    expect(rules.map((r) => r.id).sort()).toEqual(
      [...firstByPath.values()].map((key) => `${key}-UNSUPPORTED-METHOD-405`).sort(),
    );
    for (const rule of rules) expect(rule.evidence, rule.id).toBe(statement['x-evidence']);
  });

  it('declares 401 and 403 on every operation, and 413 and 415 on the body-taking ones, as inferred', () => {
    for (const op of operations) {
      const expected = BODY_METHODS.has(op.method) ? ['401', '403', '413', '415'] : ['401', '403'];
      for (const status of expected) expect(op.responseEvidence[status], `${label(op)} ${status}`).toBe('inferred');
    }
  });
});

describe('loadOpenApi', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('names the file when it is not an OpenAPI document', () => {
    const dir = mkdtempSync(join(tmpdir(), 'openapi-'));
    dirs.push(dir);
    mkdirSync(join(dir, 'schemas'));
    writeFileSync(join(dir, OPENAPI_FILE), 'title: not an api\n');
    expect(() => loadOpenApi(dir)).toThrow(/openapi\.yaml is not an OpenAPI document/);
    expect(() => loadOpenApi(join(dir, 'missing'))).toThrow(/Cannot read .*openapi\.yaml/);
  });
});

/**
 * Follows every `$ref` from `start` through the files it reaches. A ref is `file#/pointer`, `file` or
 * `#/pointer`, resolved against the referring file's folder (the schemas carry relative `$id`s equal to
 * their file names, so that is also their base URI). Returns the files visited and the refs that do not resolve.
 */
function walkRefs(start: string): { files: string[]; problems: string[] } {
  const problems: string[] = [];
  const parsed = new Map<string, unknown>();
  const load = (file: string): unknown => {
    if (!parsed.has(file)) {
      const text = readFileSync(file, 'utf8');
      parsed.set(file, file.endsWith('.yaml') ? parse(text) : JSON.parse(text));
    }
    return parsed.get(file);
  };
  const seen = new Set<string>();
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const ref of refsIn(load(file))) {
      const [target, pointer = ''] = ref.split('#', 2) as [string, string?];
      const targetFile = target === '' ? file : join(dirname(file), target);
      if (!existsSync(targetFile)) {
        problems.push(`${file}: ${ref} (no such file)`);
        continue;
      }
      if (target !== '') queue.push(targetFile);
      if (pointer !== '' && atPointer(load(targetFile), pointer) === undefined)
        problems.push(`${file}: ${ref} (no such pointer)`);
    }
  }
  return { files: [...seen], problems };
}

function refsIn(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(refsIn);
  if (typeof node !== 'object' || node === null) return [];
  return Object.entries(node).flatMap(([key, value]) =>
    key === '$ref' && typeof value === 'string' ? [value] : refsIn(value),
  );
}

function atPointer(node: unknown, pointer: string): unknown {
  let current = node;
  for (const part of pointer.split('/').slice(1)) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return current;
}
