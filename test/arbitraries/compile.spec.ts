import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryFromSchema } from '../../src/arbitraries/compile.js';
import type { JsonSchema, SchemaArbitraryOptions } from '../../src/arbitraries/types.js';
import { ajvCheck } from './support/ajv.js';

/** 100 values, checked against ajv as well: each keyword test also proves the values are valid. */
function values(schema: JsonSchema & object, options?: SchemaArbitraryOptions): unknown[] {
  const sample = fc.sample(arbitraryFromSchema(schema, options), { numRuns: 100, seed: 5 });
  const check = ajvCheck(schema);
  for (const value of sample) expect(check(value), JSON.stringify(value)).toBeNull();
  return sample;
}

const codePoints = (s: unknown) => Array.from(s as string).length;

describe('arbitraryFromSchema: scalar keywords', () => {
  it('type string, with minLength and maxLength counted in code points', () => {
    const out = values({ type: 'string', minLength: 2, maxLength: 5 });
    expect(out.every((s) => typeof s === 'string' && codePoints(s) >= 2 && codePoints(s) <= 5)).toBe(true);
    expect(new Set(out.map(codePoints))).toEqual(new Set([2, 3, 4, 5]));
  });
  it('type integer within minimum and maximum, reaching both ends', () => {
    const out = values({ type: 'integer', minimum: -3, maximum: 3 }) as number[];
    expect(out.every((n) => Number.isInteger(n) && n >= -3 && n <= 3)).toBe(true);
    expect(out).toContain(-3);
    expect(out).toContain(3);
  });
  it('exclusiveMinimum and exclusiveMaximum exclude the bound', () => {
    const ints = values({ type: 'integer', exclusiveMinimum: 0, exclusiveMaximum: 3 }) as number[];
    expect(new Set(ints)).toEqual(new Set([1, 2]));
    const nums = values({ type: 'number', exclusiveMinimum: 0, maximum: 1 }) as number[];
    expect(nums.every((n) => n > 0 && n <= 1)).toBe(true);
  });
  it('type number gives integers and fractions, all finite', () => {
    const out = values({ type: 'number' }) as number[];
    expect(out.every(Number.isFinite)).toBe(true);
    expect(out.some((n) => !Number.isInteger(n))).toBe(true);
    expect(out.some((n) => Number.isInteger(n))).toBe(true);
  });
  it('type boolean and type null', () => {
    expect(new Set(values({ type: 'boolean' }))).toEqual(new Set([true, false]));
    expect(new Set(values({ type: 'null' }))).toEqual(new Set([null]));
  });
  it('a type array gives each listed type and nothing else', () => {
    const out = values({ type: ['string', 'null'] });
    expect(new Set(out.map((v) => (v === null ? 'null' : typeof v)))).toEqual(new Set(['string', 'null']));
  });
  it('enum gives only, and eventually every, listed value', () => {
    expect(new Set(values({ type: 'string', enum: ['web', 'native'] }))).toEqual(new Set(['web', 'native']));
  });
  it('enum values the other keywords exclude are never given', () => {
    expect(new Set(values({ type: 'string', enum: ['a', 1, null] }))).toEqual(new Set(['a']));
  });
  it('const gives the constant', () => {
    expect(new Set(values({ const: 'saml' }))).toEqual(new Set(['saml']));
  });
  it('pattern: every string matches', () => {
    const out = values({ type: 'string', pattern: '^[A-Z]{2}-[0-9]+$' });
    expect(out.every((s) => /^[A-Z]{2}-[0-9]+$/.test(s as string))).toBe(true);
  });
  it('default is used some of the time, not always', () => {
    const out = values({ type: 'string', enum: ['lax', 'none', 'strict'], default: 'lax' });
    const share = out.filter((v) => v === 'lax').length / out.length;
    expect(share).toBeGreaterThan(0.34);
    expect(share).toBeLessThan(0.9);
  });
  it('a schema without any hint gives assorted JSON values', () => {
    const out = values({ description: 'untyped' });
    expect(new Set(out.map((v) => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v))).size).toBeGreaterThan(
      3,
    );
  });
});

describe('arbitraryFromSchema: objects', () => {
  const schema = {
    type: 'object',
    required: ['name'],
    properties: { name: { type: 'string' }, description: { type: 'string' } },
  };
  it('required members are always present', () => {
    expect(values(schema).every((v) => Object.hasOwn(v as object, 'name'))).toBe(true);
  });
  it('optional members are sometimes present and sometimes absent', () => {
    const present = values(schema).map((v) => Object.hasOwn(v as object, 'description'));
    expect(new Set(present)).toEqual(new Set([true, false]));
  });
  it('no extra members without additionalProperties, nor with additionalProperties false', () => {
    for (const additionalProperties of [undefined, false]) {
      const out = values({ ...schema, ...(additionalProperties === undefined ? {} : { additionalProperties }) });
      expect(out.flatMap((v) => Object.keys(v as object)).every((k) => k === 'name' || k === 'description')).toBe(true);
    }
  });
  it('a schema-valued additionalProperties adds extra members of that schema', () => {
    const out = values({ ...schema, additionalProperties: { type: 'integer' } });
    const extras = out.flatMap((v) => Object.entries(v as object).filter(([k]) => k !== 'name' && k !== 'description'));
    expect(extras.length).toBeGreaterThan(0);
    expect(extras.every(([, v]) => Number.isInteger(v))).toBe(true);
  });
  it('gives plain objects', () => {
    expect(values(schema).every((v) => Object.getPrototypeOf(v) === Object.prototype)).toBe(true);
  });
});

describe('arbitraryFromSchema: arrays', () => {
  it('items, minItems and maxItems', () => {
    const out = values({ type: 'array', items: { type: 'integer' }, minItems: 1, maxItems: 3 }) as unknown[][];
    expect(out.every((a) => a.length >= 1 && a.length <= 3 && a.every(Number.isInteger))).toBe(true);
    expect(new Set(out.map((a) => a.length))).toEqual(new Set([1, 2, 3]));
  });
  it('an unbounded array is capped by the maxItems option', () => {
    const out = values({ type: 'array', items: { type: 'string' } }, { maxItems: 2 }) as unknown[][];
    expect(Math.max(...out.map((a) => a.length))).toBe(2);
  });
  it('uniqueItems, also when the items have few values', () => {
    const out = values({
      type: 'array',
      items: { enum: ['a', 'b', 'c'] },
      uniqueItems: true,
      maxItems: 5,
    }) as unknown[][];
    expect(out.every((a) => new Set(a).size === a.length)).toBe(true);
    expect(out.some((a) => a.length === 3)).toBe(true);
  });
  it('prefixItems types each position', () => {
    const out = values({
      type: 'array',
      prefixItems: [{ type: 'string' }, { type: 'integer' }],
      items: false,
      minItems: 2,
    }) as unknown[][];
    expect(out.every((a) => a.length === 2 && typeof a[0] === 'string' && Number.isInteger(a[1]))).toBe(true);
  });
  it('contains: at least one item matches', () => {
    const out = values({ type: 'array', items: { type: 'string' }, contains: { const: 'Admin' } }) as unknown[][];
    expect(out.every((a) => a.includes('Admin'))).toBe(true);
    expect(out.some((a) => a.length > 1)).toBe(true);
  });
});

describe('arbitraryFromSchema: combinators', () => {
  it('anyOf gives values of each branch', () => {
    const out = values({ anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] });
    expect(new Set(out.map((v) => (Array.isArray(v) ? 'array' : typeof v)))).toEqual(new Set(['string', 'array']));
  });
  it('oneOf keeps exactly one branch matching when branches overlap', () => {
    const out = values({ oneOf: [{ type: 'integer' }, { type: 'number', minimum: 0 }] }) as number[];
    // 0..∞ integers match both branches, so none may appear; negative integers and non-negative fractions may.
    expect(out.every((n) => !(Number.isInteger(n) && n >= 0))).toBe(true);
    expect(out.some((n) => Number.isInteger(n))).toBe(true);
    expect(out.some((n) => !Number.isInteger(n))).toBe(true);
  });
  it('allOf merges object members: required from every member, values valid against all', () => {
    const out = values({
      allOf: [
        { type: 'object', required: ['a'], properties: { a: { type: 'string' } } },
        {
          type: 'object',
          required: ['b'],
          properties: { a: { type: 'string', maxLength: 2 }, b: { type: 'boolean' } },
        },
      ],
    }) as Record<string, unknown>[];
    expect(out.every((v) => typeof v.a === 'string' && codePoints(v.a) <= 2 && typeof v.b === 'boolean')).toBe(true);
  });
  it('if/then/else: both sides occur, each with its own rule', () => {
    const out = values({
      type: 'object',
      properties: { kind: { enum: ['a', 'b'] }, n: { type: 'integer' } },
      required: ['kind', 'n'],
      if: { properties: { kind: { const: 'a' } } },
      then: { properties: { n: { type: 'integer', minimum: 10 } } },
      else: { properties: { n: { type: 'integer', maximum: -10 } } },
    }) as { kind: string; n: number }[];
    expect(out.every((v) => (v.kind === 'a' ? v.n >= 10 : v.n <= -10))).toBe(true);
    expect(new Set(out.map((v) => v.kind))).toEqual(new Set(['a', 'b']));
  });
  it('not: no value matches the negated schema', () => {
    const out = values({ type: 'string', not: { enum: ['', 'x'] } });
    expect(out.includes('') || out.includes('x')).toBe(false);
  });
});

describe('arbitraryFromSchema: references', () => {
  it('follows $ref into $defs', () => {
    const out = values({
      $defs: { id: { type: 'string', format: 'uuid' } },
      type: 'array',
      items: { $ref: '#/$defs/id' },
    });
    expect((out as string[][]).flat().every((s) => /^[0-9a-f-]{36}$/i.test(s))).toBe(true);
  });
  it('follows a cross-file $ref through resolve, and #/$defs refs inside that file', () => {
    const other = {
      $defs: { n: { type: 'integer', minimum: 7 } },
      type: 'object',
      required: ['n'],
      properties: { n: { $ref: '#/$defs/n' } },
    };
    const arb = arbitraryFromSchema({ $ref: 'other.schema.json' }, { resolve: () => other });
    expect(fc.sample(arb, 50).every((v) => (v as { n: number }).n >= 7)).toBe(true);
  });
  it('a cross-file $ref without resolve is a clear error', () => {
    expect(() => arbitraryFromSchema({ $ref: 'other.schema.json' })).toThrow(/other\.schema\.json.*options\.resolve/);
  });
  it('a $ref that does not resolve names the ref', () => {
    expect(() => arbitraryFromSchema({ $ref: '#/$defs/missing' })).toThrow(/#\/\$defs\/missing/);
  });
});

describe('arbitraryFromSchema: errors and limits', () => {
  it('an unknown keyword is an error naming the keyword and where it is', () => {
    expect(() => arbitraryFromSchema({ type: 'object', properties: { a: { type: 'number', multipleOf: 2 } } })).toThrow(
      /"multipleOf" at #\/properties\/a/,
    );
  });
  it('an unknown format is an error naming it', () => {
    expect(() => arbitraryFromSchema({ type: 'string', format: 'ipv4' })).toThrow(/format "ipv4"/);
  });
  it('x-* extension keywords are annotations', () => {
    // (Not checked with ajv here: strict ajv rejects x-* keywords unless they are registered.)
    const arb = arbitraryFromSchema({ type: 'string', 'x-evidence': 'documented' });
    expect(fc.sample(arb, 50).every((v) => typeof v === 'string')).toBe(true);
  });
  it('an unsatisfiable schema is an error', () => {
    expect(() => arbitraryFromSchema({ type: 'string', enum: [1, 2] })).toThrow(/enum/);
    expect(() => arbitraryFromSchema({ allOf: [{ type: 'string' }, { type: 'integer' }] })).toThrow(/no type/);
  });
  it('a default that its own schema rejects is an error', () => {
    expect(() => arbitraryFromSchema({ type: 'string', enum: ['a'], default: 'b' })).toThrow(/default "b"/);
  });
  it('past maxDepth optional members are left out, so recursive schemas end', () => {
    const tree = {
      $defs: { node: { type: 'object', properties: { child: { $ref: '#/$defs/node' } } } },
      $ref: '#/$defs/node',
    };
    const depth = (v: unknown): number =>
      v && typeof v === 'object' && 'child' in v ? 1 + depth((v as { child: unknown }).child) : 0;
    expect(Math.max(...values(tree, { maxDepth: 3 }).map(depth))).toBeLessThanOrEqual(3);
  });
  it('a recursion through required members is an error, not a hang', () => {
    const loop = {
      $defs: { n: { type: 'object', required: ['c'], properties: { c: { $ref: '#/$defs/n' } } } },
      $ref: '#/$defs/n',
    };
    expect(() => arbitraryFromSchema(loop, { maxDepth: 2 })).toThrow(/deeper than/);
  });
  it('rejects options that make no sense', () => {
    expect(() => arbitraryFromSchema({}, { maxDepth: 0 })).toThrow(/maxDepth/);
    expect(() => arbitraryFromSchema({}, { maxItems: -1 })).toThrow(/maxItems/);
  });
});
