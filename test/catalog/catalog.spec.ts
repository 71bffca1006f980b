import { mkdtempSync, mkdirSync, copyFileSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  loadCatalog,
  operationByKey,
  requirementById,
  requirementsFor,
  CATALOG_SCHEMA_FILE,
} from '../../src/catalog/catalog.js';
import { CHECK_FAMILIES } from '../../src/model/families.js';
import { EVIDENCE_LEVELS } from '../../src/model/verdict.js';
import type { Requirement } from '../../src/model/requirement.js';

const root = resolve(import.meta.dirname, '../..');
const catalog = loadCatalog(root);

// ARCHITECTURE.md "Naming".
const OPERATION_KEYS = [
  'CLIENTS-CREATE', 'CLIENTS-LIST', 'CLIENTS-DELETE-ALL', 'CLIENTS-GET', 'CLIENTS-UPDATE', 'CLIENTS-DELETE',
  'CLIENTS-RESOURCES', 'CONSENTS-LIST', 'CONSENTS-GET', 'CONSENTS-DELETE-USER', 'MANAGE-CONSENTS-LIST',
  'MANAGE-CONSENTS-DELETE', 'ME-CONSENTS-LIST', 'ME-CONSENTS-REVOKE',
]; // prettier-ignore
const ME_KEYS = ['ME-CONSENTS-LIST', 'ME-CONSENTS-REVOKE'];
const CLIENT_KEYS = OPERATION_KEYS.filter((k) => k.startsWith('CLIENTS-'));
const MANAGE_KEYS = ['MANAGE-CONSENTS-LIST', 'MANAGE-CONSENTS-DELETE'];
const SECURITY_READ_CLIENT_KEYS = ['CLIENTS-CREATE', 'CLIENTS-DELETE-ALL', 'CLIENTS-DELETE'];

const evidenceOf = (id: string) => requirementById(catalog, id).evidence;

describe('the committed catalog', () => {
  it('lists the 14 operations under the keys of ARCHITECTURE.md', () => {
    expect(catalog.operations.map((o) => o.key)).toEqual(OPERATION_KEYS);
  });

  it('has unique, well-formed ids, each prefixed by its own operation key', () => {
    const ids = catalog.requirements.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of catalog.requirements) {
      const op = catalog.operations.find((o) => `${o.method} ${o.path}` === r.operation);
      expect(op, `${r.id}: operation '${r.operation}'`).toBeDefined();
      expect(r.id, r.id).toMatch(new RegExp(`^${op!.key}-[A-Z0-9]+(-[A-Z0-9]+)*$`));
    }
  });

  it('gives every operation requirements in several families', () => {
    for (const key of OPERATION_KEYS) {
      const families = new Set(requirementsFor(catalog, key).map((r) => r.family));
      expect(families.size, key).toBeGreaterThanOrEqual(4);
    }
  });

  it('marks nothing documented that rests only on INFERRED or UNKNOWN sources', () => {
    const offenders = catalog.requirements.filter(
      (r) => r.evidence === 'documented' && r.sources.every((s) => s === 'INFERRED' || s === 'UNKNOWN'),
    );
    expect(offenders.map((r) => r.id)).toEqual([]);
  });

  it('names UNKNOWN among the sources of every observation, and of nothing documented', () => {
    for (const r of catalog.requirements) {
      if (r.evidence === 'observation') expect(r.sources, r.id).toContain('UNKNOWN');
      if (r.evidence === 'documented') expect(r.sources, r.id).not.toContain('UNKNOWN');
    }
  });

  it('keeps the schema enums equal to the model constants', () => {
    const schema = JSON.parse(readFileSync(join(root, CATALOG_SCHEMA_FILE), 'utf8'));
    const item = schema.properties.requirements.items.properties;
    expect(item.family.enum).toEqual([...CHECK_FAMILIES]);
    expect(item.evidence.enum).toEqual([...EVIDENCE_LEVELS]);
  });
});

// docs/decisions.md "Catalog audit": what may make a requirement documented, and how its statement says so.
const QUALIFYING_SOURCES = ['SEED-C', 'SEED-K', 'DOC-NEW', 'DOC-OLD', 'GUIDE', 'TOKEN-REF'];
/**
 * The third-party mirror, the app-scoped twin endpoints, another operation's page, a guess, nothing: none makes a
 * rule documented. Tags match as written ("an unknown client id" is fine prose), the words in any case.
 */
const NON_QUALIFYING_TAG = /\b(DOC-APPS|INFERRED|UNKNOWN)\b/;
const NON_QUALIFYING_WORD = /\b(mirror|twin|sibling)\b/i;
const LEADING_TAG = new RegExp(`^(${QUALIFYING_SOURCES.join('|')})\\b[^:]*: \\S`);

/** Why a requirement may not be documented as it stands; empty when it may (or is not documented). */
function documentedProblems(r: Requirement): string[] {
  if (r.evidence !== 'documented') return [];
  const problems: string[] = [];
  if (!r.sources.some((s) => QUALIFYING_SOURCES.includes(s))) problems.push(`rests only on ${r.sources.join(', ')}`);
  const statement = r.statement;
  if (statement === undefined) return [...problems, 'has no statement'];
  const tag = LEADING_TAG.exec(statement)?.[1];
  if (tag === undefined) problems.push(`statement is not led by one of ${QUALIFYING_SOURCES.join(', ')}`);
  else if (!r.sources.includes(tag)) problems.push(`statement cites ${tag}, which is not among its sources`);
  const leaning = (NON_QUALIFYING_TAG.exec(statement) ?? NON_QUALIFYING_WORD.exec(statement))?.[1];
  if (leaning !== undefined) problems.push(`statement leans on '${leaning}'`);
  const path = r.operation.split(' ')[1];
  for (const named of statement.match(/\/v1\/[A-Za-z{}/]*/g) ?? [])
    if (named !== path) problems.push(`statement names another path (${named}): a twin endpoint`);
  return problems;
}

describe('the documented requirements (docs/decisions.md "Catalog audit")', () => {
  it('each rest on a statement for their own path, led by a source tag that is not MIRROR, INFERRED, UNKNOWN or a twin', () => {
    const offenders = catalog.requirements
      .map((r) => ({ id: r.id, problems: documentedProblems(r) }))
      .filter((o) => o.problems.length > 0)
      .map((o) => `${o.id}: ${o.problems.join('; ')}`);
    expect(offenders).toEqual([]);
  });

  it('and only documented requirements carry a statement', () => {
    const stray = catalog.requirements.filter((r) => r.evidence !== 'documented' && r.statement !== undefined);
    expect(stray.map((r) => r.id)).toEqual([]);
  });

  describe('the rule itself', () => {
    const base: Requirement = {
      id: 'CLIENTS-CREATE-201',
      operation: 'POST /v1/clients',
      family: 'contract',
      rule: 'A valid create body is answered with 201.',
      sources: ['DOC-OLD', 'MIRROR'],
      evidence: 'documented',
      statement: "DOC-OLD: the older Clients reference lists 201 for 'Create client'",
    };
    it('accepts a statement led by one of its qualifying sources', () => {
      expect(documentedProblems(base)).toEqual([]);
      expect(documentedProblems({ ...base, statement: `${base.statement} on /v1/clients` })).toEqual([]);
      expect(documentedProblems({ ...base, statement: `${base.statement}, and 400 for an unknown field` })).toEqual([]);
    });
    it.each([
      ['no statement', { statement: undefined }, 'has no statement'],
      ['only the mirror', { sources: ['MIRROR'], statement: 'MIRROR: the spec lists 201' }, 'rests only on MIRROR'],
      ['only a twin', { sources: ['DOC-APPS', 'INFERRED'] }, 'rests only on DOC-APPS, INFERRED'],
      ['an untagged statement', { statement: 'the docs list 201 for create' }, 'is not led by'],
      ['a tag outside its sources', { statement: "SEED-C: 'Create client' creates a client" }, 'cites SEED-C'],
      ['a statement leaning on the mirror', { statement: 'DOC-OLD: lists 201; the MIRROR gives the body' }, "'MIRROR'"],
      ['a statement naming a twin', { statement: 'DOC-OLD: the twin endpoint lists 201' }, "'twin'"],
      ['a statement leaning on a guess', { statement: 'DOC-OLD: lists a 2xx, INFERRED to be 201' }, "'INFERRED'"],
      ['another path', { statement: 'DOC-OLD: /v1/applications/{appId}/clients lists 201' }, 'names another path'],
    ] as const)('refuses %s', (_case, change, problem) => {
      const problems = documentedProblems({ ...base, ...change } as Requirement);
      expect(problems.join('; ')).toContain(problem);
    });
    it('leaves inferred and observed requirements alone', () => {
      expect(
        documentedProblems({ ...base, evidence: 'inferred', sources: ['INFERRED'], statement: undefined }),
      ).toEqual([]);
    });
  });
});

describe('the token and permission rules (decisions.md #8, #9, #11)', () => {
  it('exist once per operation with the decided evidence', () => {
    for (const key of OPERATION_KEYS) {
      expect(evidenceOf(`${key}-TOKEN-INVALID-REJECTED`)).toBe('documented');
      expect(evidenceOf(`${key}-TOKEN-INVALID-401`)).toBe('inferred');
      for (const defect of ['NOT-YET-VALID', 'WRONG-ISSUER', 'WRONG-AUDIENCE']) {
        expect(evidenceOf(`${key}-TOKEN-${defect}-REJECTED`)).toBe('inferred'); // decisions.md #28
      }
      expect(evidenceOf(`${key}-TOKEN-WRONG-TYPE-403`)).toBe('inferred');
      expect(evidenceOf(`${key}-AUTH-ERROR-BODY`)).toBe('observation');
      if (ME_KEYS.includes(key)) {
        expect(evidenceOf(`${key}-TOKEN-USER-ACCEPTED`)).toBe('documented');
        expect(evidenceOf(`${key}-TOKEN-CLIENT-REJECTED`)).toBe('documented');
        expect(evidenceOf(`${key}-TOKEN-ADMIN-REJECTED`)).toBe('documented');
        expect(evidenceOf(`${key}-PERM-NONE-NEEDED`)).toBe('documented');
        continue;
      }
      // Only create, delete and delete-all were read with their security (docs/decisions.md "Catalog audit").
      const securityRead = !CLIENT_KEYS.includes(key) || SECURITY_READ_CLIENT_KEYS.includes(key);
      expect(evidenceOf(`${key}-TOKEN-USER-REJECTED`)).toBe(securityRead ? 'documented' : 'inferred');
      const adminIsObserved = CLIENT_KEYS.includes(key) || MANAGE_KEYS.includes(key);
      if (adminIsObserved) expect(evidenceOf(`${key}-TOKEN-ADMIN`)).toBe('observation');
      else expect(evidenceOf(`${key}-TOKEN-ADMIN-REJECTED`)).toBe('inferred');
      expect(evidenceOf(`${key}-PERM-ANY-OF`)).toBe('inferred');
      expect(evidenceOf(`${key}-PERM-OUTSIDE-LIST-REJECTED`)).toBe('documented');
      expect(evidenceOf(`${key}-PERM-FOREIGN-APPID-REJECTED`)).toBe('inferred');
      expect(evidenceOf(`${key}-PERM-WRONG-ACTION-REJECTED`)).toBe('documented');
      expect(evidenceOf(`${key}-PERM-NO-CLAIM`)).toBe('observation');
      expect(evidenceOf(`${key}-PERM-DENIED-403`)).toBe('inferred');
    }
  });
});

describe('the facts docs/facts.md lists as unknown or inferred', () => {
  // One requirement per docs/facts.md §5 item a run can observe, with the level decisions.md gives it.
  const decided: Record<string, 'inferred' | 'observation'> = {
    'CLIENTS-CREATE-201-ENVELOPE': 'inferred',
    'CLIENTS-GET-200-SECRET': 'inferred',
    'CLIENTS-CREATE-409-DUPLICATE-NAME': 'inferred',
    'CLIENTS-CREATE-UNKNOWN-FIELDS': 'observation',
    'CLIENTS-CREATE-INPUT-ONLY-FIELDS': 'observation',
    'CLIENTS-UPDATE-OMITTED-FIELDS-KEPT': 'inferred',
    'CLIENTS-UPDATE-200': 'inferred',
    'CLIENTS-DELETE-204': 'inferred',
    'CLIENTS-DELETE-LAST-CLIENT': 'observation',
    'CLIENTS-DELETE-ALL-TOKEN-AFTER': 'observation',
    'CLIENTS-RESOURCES-200': 'inferred',
    'CLIENTS-RESOURCES-REPLACES': 'inferred',
    'CONSENTS-GET-TIMESTAMP-UNIT': 'observation',
    'CONSENTS-GET-404-BODY': 'inferred',
    'CONSENTS-LIST-HOST-AVAILABILITY': 'observation',
    'CONSENTS-DELETE-USER-SUCCESS-STATUS': 'observation',
    'CONSENTS-DELETE-USER-CLIENT-SCOPED': 'inferred',
    'MANAGE-CONSENTS-DELETE-USER-SCOPED': 'inferred',
    'MANAGE-CONSENTS-LIST-400': 'inferred',
    'ME-CONSENTS-REVOKE-2XX': 'inferred',
    'ME-CONSENTS-REVOKE-SUCCESS-STATUS': 'observation',
    'ME-CONSENTS-REVOKE-ALL-FOR-CLIENT': 'inferred',
  };
  it.each(Object.entries(decided))('%s is %s', (id, evidence) => {
    expect(evidenceOf(id)).toBe(evidence);
  });
});

describe('look-ups', () => {
  it('finds a requirement by id and names an unknown one', () => {
    expect(requirementById(catalog, 'CLIENTS-CREATE-201').operation).toBe('POST /v1/clients');
    expect(() => requirementById(catalog, 'CLIENTS-CREATE-999')).toThrow("Unknown requirement id 'CLIENTS-CREATE-999'");
  });

  it('lists an operation by key or by METHOD /path, and keeps DELETE-ALL apart from DELETE', () => {
    const byKey = requirementsFor(catalog, 'CLIENTS-DELETE');
    expect(byKey).toEqual(requirementsFor(catalog, 'DELETE /v1/clients/{clientId}'));
    expect(byKey.length).toBeGreaterThan(0);
    expect(byKey.every((r) => r.id.startsWith('CLIENTS-DELETE-') && !r.id.startsWith('CLIENTS-DELETE-ALL-'))).toBe(
      true,
    );
  });

  it('finds an operation by key and names an unknown one', () => {
    expect(operationByKey(catalog, 'ME-CONSENTS-REVOKE').path).toBe('/v1/consents/me/clients/{clientId}');
    expect(() => operationByKey(catalog, 'NOPE')).toThrow("Unknown operation key 'NOPE'");
    expect(() => requirementsFor(catalog, 'NOPE')).toThrow("Unknown operation key 'NOPE'");
  });
});

describe('loadCatalog on a broken catalog', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  function rootWith(mutate: (c: { operations: unknown[]; requirements: Record<string, unknown>[] }) => void): string {
    const dir = mkdtempSync(join(tmpdir(), 'catalog-'));
    dirs.push(dir);
    mkdirSync(join(dir, 'schemas'));
    copyFileSync(join(root, CATALOG_SCHEMA_FILE), join(dir, CATALOG_SCHEMA_FILE));
    const copy = structuredClone(catalog) as unknown as Parameters<typeof mutate>[0];
    mutate(copy);
    writeFileSync(join(dir, 'schemas/requirements.json'), JSON.stringify(copy));
    return dir;
  }

  it('names the entry that misses a field', () => {
    const dir = rootWith((c) => delete c.requirements[3]!['rule']);
    const id = catalog.requirements[3]!.id;
    expect(() => loadCatalog(dir)).toThrow(`/requirements/3 (id '${id}'): must have required property 'rule'`);
  });

  it('names an evidence level outside the three', () => {
    const dir = rootWith((c) => (c.requirements[0]!['evidence'] = 'likely'));
    expect(() => loadCatalog(dir)).toThrow(
      /\/requirements\/0\/evidence \(id 'CLIENTS-CREATE-201'\): must be equal to one of/,
    );
  });

  it('names a documented entry without its statement, and a statement on an entry that is not documented', () => {
    const documented = catalog.requirements.findIndex((r) => r.evidence === 'documented');
    const dir = rootWith((c) => delete c.requirements[documented]!['statement']);
    expect(() => loadCatalog(dir)).toThrow(
      `/requirements/${documented} (id '${catalog.requirements[documented]!.id}'): must have required property 'statement'`,
    );
    const inferred = catalog.requirements.findIndex((r) => r.evidence === 'inferred');
    const dir2 = rootWith(
      (c) => (c.requirements[inferred]!['statement'] = 'SEED-C: says so, but it is not documented'),
    );
    expect(() => loadCatalog(dir2)).toThrow(
      `/requirements/${inferred} (id '${catalog.requirements[inferred]!.id}'): must NOT be valid`,
    );
  });

  it('names a duplicate id', () => {
    const dir = rootWith((c) => c.requirements.push({ ...c.requirements[0]! }));
    expect(() => loadCatalog(dir)).toThrow(/\(id 'CLIENTS-CREATE-201'\): duplicate id/);
  });

  it('names an id whose prefix is another operation', () => {
    const dir = rootWith((c) => (c.requirements[0]!['operation'] = 'GET /v1/clients'));
    expect(() => loadCatalog(dir)).toThrow("id must start with 'CLIENTS-LIST-'");
  });

  it('names an operation that is not listed', () => {
    const dir = rootWith((c) => (c.requirements[0]!['operation'] = 'PATCH /v1/clients'));
    expect(() => loadCatalog(dir)).toThrow(/must match pattern/);
    const dir2 = rootWith((c) => (c.requirements[0]!['operation'] = 'GET /v1/unknown'));
    expect(() => loadCatalog(dir2)).toThrow("operation 'GET /v1/unknown' is not in the operations list");
  });

  it('names the file it cannot read', () => {
    expect(() => loadCatalog(join(tmpdir(), 'no-such-package-root'))).toThrow(/Cannot read .*requirements\.json/);
  });
});
