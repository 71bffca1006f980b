import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { invalidFromSchema } from '../../src/arbitraries/mutate.js';
import type { InvalidCase, JsonSchema, MutationKind } from '../../src/arbitraries/types.js';
import { ajvCheck } from './support/ajv.js';
import { errorsMatchLabel } from './support/schemaLaws.js';

/** 100 invalid cases, each confirmed by ajv: rejected, with the labelled keyword at the labelled path. */
function cases(schema: JsonSchema & object, kinds?: MutationKind[]): InvalidCase[] {
  const sample = fc.sample(invalidFromSchema(schema, kinds ? { kinds } : {}), { numRuns: 100, seed: 9 });
  const check = ajvCheck(schema);
  for (const c of sample) {
    const errors = check(c.value);
    expect(errors, JSON.stringify(c)).not.toBeNull();
    expect(errorsMatchLabel(errors!, c.label), JSON.stringify({ c, errors })).toBe(true);
  }
  return sample;
}

const labelsOf = (sample: InvalidCase[]) =>
  new Set(sample.map((c) => `${c.label.kind} ${c.label.path} ${c.label.keyword}`));

const client = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'redirect_uris'],
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 10 },
    client_type: { type: 'string', enum: ['web', 'native'] },
    redirect_uris: { type: 'array', items: { type: 'string', format: 'uri' }, minItems: 1, maxItems: 3 },
    ttl: { type: 'integer', minimum: 0, exclusiveMaximum: 100 },
    note: { type: ['string', 'null'] },
  },
};

describe('invalidFromSchema: each kind of mutation', () => {
  it('missing-required drops exactly that required member', () => {
    const sample = cases(client, ['missing-required']);
    expect(labelsOf(sample)).toEqual(
      new Set(['missing-required /name required', 'missing-required /redirect_uris required']),
    );
    for (const c of sample) {
      const value = c.value as Record<string, unknown>;
      const dropped = c.label.path.slice(1);
      expect(Object.hasOwn(value, dropped)).toBe(false);
      expect(['name', 'redirect_uris'].filter((k) => k !== dropped).every((k) => Object.hasOwn(value, k))).toBe(true);
    }
  });
  it('wrong-type puts a value of another type, and names the path', () => {
    const sample = cases(client, ['wrong-type']);
    expect([...labelsOf(sample)]).toEqual(
      expect.arrayContaining(['wrong-type /name type', 'wrong-type /redirect_uris/0 type', 'wrong-type  type']),
    );
  });
  it('wrong-type uses fractions where only integers are allowed', () => {
    const sample = cases({ type: 'integer' }, ['wrong-type']);
    expect(sample.some((c) => typeof c.value === 'number' && !Number.isInteger(c.value))).toBe(true);
  });
  it('null-not-nullable puts null where the type does not allow it, and never where it does', () => {
    const sample = cases(client, ['null-not-nullable']);
    expect(sample.every((c) => c.label.keyword === 'type')).toBe(true);
    expect([...labelsOf(sample)].some((l) => l.includes('/note'))).toBe(false);
    expect(labelsOf(sample)).toContain('null-not-nullable /client_type type');
  });
  it('outside-enum gives a value of the same type outside the enum', () => {
    const sample = cases(client, ['outside-enum']);
    expect(labelsOf(sample)).toEqual(new Set(['outside-enum /client_type enum']));
    for (const c of sample) {
      const value = (c.value as Record<string, unknown>).client_type;
      expect(typeof value).toBe('string');
      expect(['web', 'native']).not.toContain(value);
    }
  });
  it('outside-enum on a const is labelled with the const keyword', () => {
    const sample = cases({ type: 'object', properties: { p: { const: 'saml' } } }, ['outside-enum']);
    expect(labelsOf(sample)).toEqual(new Set(['outside-enum /p const']));
  });
  it('forbidden-extra adds a member only where additionalProperties is false', () => {
    expect(labelsOf(cases(client, ['forbidden-extra']))).toEqual(
      new Set(['forbidden-extra /unexpected_member additionalProperties']),
    );
    const open = { ...client, additionalProperties: undefined };
    expect(() => invalidFromSchema(open, { kinds: ['forbidden-extra'] })).toThrow(/forbids nothing/);
  });
  it('too-long and too-short for strings go just past the bound or further', () => {
    const long = cases(client, ['too-long']).map((c) => Array.from((c.value as { name: string }).name).length);
    expect(Math.min(...long)).toBe(11);
    const short = cases(client, ['too-short']).filter((c) => c.label.keyword === 'minLength');
    expect(short.every((c) => (c.value as { name: string }).name === '')).toBe(true);
  });
  it('too-short and too-many-items for arrays', () => {
    const sample = cases(client, ['too-short', 'too-many-items']);
    expect(labelsOf(sample)).toEqual(
      new Set([
        'too-short /name minLength',
        'too-short /redirect_uris minItems',
        'too-many-items /redirect_uris maxItems',
      ]),
    );
    const lengths = sample
      .filter((c) => c.label.keyword === 'maxItems')
      .map((c) => (c.value as { redirect_uris: unknown[] }).redirect_uris.length);
    expect(Math.min(...lengths)).toBe(4);
  });
  it('below-minimum and above-maximum, labelled with the exclusive keyword where that is the bound', () => {
    const sample = cases(client, ['below-minimum', 'above-maximum']);
    expect(labelsOf(sample)).toEqual(new Set(['below-minimum /ttl minimum', 'above-maximum /ttl exclusiveMaximum']));
    const ttls = sample.map((c) => (c.value as { ttl: number }).ttl);
    expect(ttls).toContain(-1);
    expect(ttls).toContain(100);
  });
  it('bad-format puts a string the format rejects', () => {
    expect(labelsOf(cases(client, ['bad-format']))).toEqual(
      new Set(['bad-format /redirect_uris/0 format', 'bad-format /redirect_uris/1 format']),
    );
  });
  it('every kind is equally likely, whatever the number of places it applies', () => {
    const counts = new Map<string, number>();
    for (const c of fc.sample(invalidFromSchema(client), { numRuns: 1100, seed: 1 }))
      counts.set(c.label.kind, (counts.get(c.label.kind) ?? 0) + 1);
    expect(counts.size).toBe(11);
    expect(Math.min(...counts.values())).toBeGreaterThan(1100 / 11 / 2);
  });
});

describe('invalidFromSchema: combinators and structure', () => {
  it('under anyOf a mutation must break every branch', () => {
    const schema = { anyOf: [{ type: 'string', maxLength: 3 }, { type: 'integer' }] };
    const sample = cases(schema);
    expect(sample.some((c) => c.label.kind === 'too-long')).toBe(true);
    expect(sample.every((c) => !Number.isInteger(c.value))).toBe(true);
  });
  it('under anyOf of objects, dropping a member the other branch does not need is not offered', () => {
    const schema = {
      anyOf: [
        { type: 'object', required: ['a', 'kind'], properties: { a: { type: 'string' }, kind: { const: 'x' } } },
        { type: 'object', required: ['kind'], properties: { kind: { type: 'string' } } },
      ],
    };
    expect(labelsOf(cases(schema, ['missing-required']))).toEqual(new Set(['missing-required /kind required']));
  });
  it('inside an if/then, the mutation stays on its side of the condition', () => {
    const schema = {
      type: 'object',
      properties: { list: { type: 'array', items: { type: 'string' } }, sync: { type: 'boolean' } },
      if: { type: 'object', required: ['list'], properties: { list: { type: 'array' } } },
      then: { properties: { sync: { const: false } } },
    };
    const sample = cases(schema, ['outside-enum']);
    expect(
      sample.every(
        (c) => Array.isArray((c.value as { list?: unknown }).list) && (c.value as { sync: unknown }).sync === true,
      ),
    ).toBe(true);
  });
  it('labels nested paths as JSON pointers, escaping ~ and /', () => {
    const schema = {
      type: 'object',
      properties: { 'a/b': { type: 'array', items: { type: 'object', properties: { 'c~d': { type: 'string' } } } } },
    };
    expect(labelsOf(cases(schema, ['wrong-type']))).toContain('wrong-type /a~1b/0/c~0d type');
  });
  it('follows $ref when mutating', () => {
    const schema = {
      $defs: { id: { type: 'string', format: 'uuid' } },
      type: 'object',
      required: ['id'],
      properties: { id: { $ref: '#/$defs/id' } },
    };
    expect(labelsOf(cases(schema, ['bad-format']))).toEqual(new Set(['bad-format /id format']));
  });
});

describe('invalidFromSchema: options and errors', () => {
  it('a schema that forbids nothing is a clear error', () => {
    expect(() => invalidFromSchema({ description: 'anything' })).toThrow(/forbids nothing/);
  });
  it('an unknown kind is an error naming it', () => {
    expect(() => invalidFromSchema(client, { kinds: ['typo' as MutationKind] })).toThrow(/"typo"/);
  });
});
