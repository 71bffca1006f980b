import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryFromSchema } from '../../src/arbitraries/compile.js';
import { matches } from '../../src/arbitraries/matches.js';
import { invalidFromSchema } from '../../src/arbitraries/mutate.js';
import { rootNode } from '../../src/arbitraries/schemaNode.js';
import { resolveArbitraryOptions, type JsonSchema } from '../../src/arbitraries/types.js';
import { ajvCheck } from './support/ajv.js';
import { SAMPLE_DOCUMENTS } from './support/sampleSchemas.js';

const resolve = (file: string) => SAMPLE_DOCUMENTS[file]!;
const config = resolveArbitraryOptions({ resolve });
const isValid = (schema: JsonSchema, value: unknown) => matches(rootNode(schema, 'test.json'), value, config);

// Cases in the JSON-Schema-Test-Suite shape: one schema, values with the verdict ajv gives.
const CASES: { description: string; schema: JsonSchema & object; tests: [unknown, boolean][] }[] = [
  {
    description: 'type with integer and number',
    schema: { type: 'integer' },
    tests: [
      [1, true],
      [1.5, false],
      ['1', false],
    ],
  },
  {
    description: 'number admits integers',
    schema: { type: 'number' },
    tests: [
      [1, true],
      [1.5, true],
      [null, false],
    ],
  },
  {
    description: 'type array',
    schema: { type: ['string', 'null'] },
    tests: [
      ['a', true],
      [null, true],
      [0, false],
    ],
  },
  {
    description: 'enum deep equality',
    schema: { enum: [{ a: [1] }, 'x'] },
    tests: [
      [{ a: [1] }, true],
      [{ a: [2] }, false],
      ['x', true],
    ],
  },
  {
    description: 'const',
    schema: { const: false },
    tests: [
      [false, true],
      [0, false],
    ],
  },
  {
    description: 'lengths in code points',
    schema: { type: 'string', maxLength: 1 },
    tests: [
      ['😀', true],
      ['ab', false],
    ],
  },
  {
    description: 'pattern is unanchored',
    schema: { type: 'string', pattern: 'b' },
    tests: [
      ['abc', true],
      ['ac', false],
    ],
  },
  {
    description: 'format',
    schema: { type: 'string', format: 'date-time' },
    tests: [
      ['2024-01-01T00:00:00Z', true],
      ['2024-01-01', false],
    ],
  },
  {
    description: 'bounds',
    schema: { type: 'number', exclusiveMinimum: 0, maximum: 2 },
    tests: [
      [0, false],
      [2, true],
      [2.01, false],
    ],
  },
  {
    description: 'required and additionalProperties',
    schema: { type: 'object', required: ['a'], properties: { a: { type: 'string' } }, additionalProperties: false },
    tests: [
      [{ a: 'x' }, true],
      [{}, false],
      [{ a: 'x', b: 1 }, false],
    ],
  },
  {
    description: 'additionalProperties schema',
    schema: { type: 'object', additionalProperties: { type: 'integer' } },
    tests: [
      [{ x: 1 }, true],
      [{ x: 'y' }, false],
    ],
  },
  {
    description: 'items, bounds, uniqueItems',
    schema: { type: 'array', items: { type: 'integer' }, minItems: 1, maxItems: 2, uniqueItems: true },
    tests: [
      [[1], true],
      [[], false],
      [[1, 1], false],
      [[1, 2, 3], false],
      [['a'], false],
    ],
  },
  {
    description: 'prefixItems (a closed tuple, as strict ajv wants)',
    schema: { type: 'array', prefixItems: [{ type: 'string' }, { type: 'integer' }], items: false, minItems: 2 },
    tests: [
      [['a', 1], true],
      [[1, 1], false],
      [['a', 1, 2], false],
      [['a'], false],
    ],
  },
  {
    description: 'contains',
    schema: { type: 'array', contains: { const: 'Admin' } },
    tests: [
      [['x', 'Admin'], true],
      [['x'], false],
    ],
  },
  {
    description: 'anyOf',
    schema: { anyOf: [{ type: 'string' }, { type: 'integer' }] },
    tests: [
      ['a', true],
      [1, true],
      [true, false],
    ],
  },
  {
    description: 'oneOf counts matches',
    schema: { oneOf: [{ type: 'integer' }, { type: 'number', minimum: 0 }] },
    tests: [
      [-1, true],
      [1, false],
      [0.5, true],
    ],
  },
  {
    description: 'allOf',
    schema: { allOf: [{ type: 'string' }, { type: 'string', minLength: 2 }] },
    tests: [
      ['ab', true],
      ['a', false],
    ],
  },
  {
    description: 'not',
    schema: { type: 'string', not: { const: 'x' } },
    tests: [
      ['y', true],
      ['x', false],
    ],
  },
  {
    description: 'if/then/else',
    schema: { if: { type: 'integer' }, then: { type: 'integer', minimum: 5 }, else: { type: 'string' } },
    tests: [
      [7, true],
      [3, false],
      ['a', true],
      [true, false],
    ],
  },
  {
    description: 'local $ref',
    schema: { $defs: { s: { type: 'string' } }, $ref: '#/$defs/s' },
    tests: [
      ['a', true],
      [1, false],
    ],
  },
];

describe('matches agrees with ajv', () => {
  for (const { description, schema, tests } of CASES)
    it(description, () => {
      const check = ajvCheck(schema);
      for (const [value, valid] of tests) {
        expect(check(value) === null, `ajv on ${JSON.stringify(value)}`).toBe(valid);
        expect(isValid(schema, value), `matches on ${JSON.stringify(value)}`).toBe(valid);
      }
    });

  it('on generated valid and invalid values of the sample schemas, cross-file refs included', () => {
    for (const [file, schema] of Object.entries(SAMPLE_DOCUMENTS)) {
      if (file === 'common.schema.json') continue;
      const check = ajvCheck(schema, Object.fromEntries(Object.entries(SAMPLE_DOCUMENTS).filter(([f]) => f !== file)));
      const options = { resolve, documentId: file };
      const valid = fc.sample(arbitraryFromSchema(schema, options), { numRuns: 40, seed: 3 });
      const invalid = fc.sample(invalidFromSchema(schema, options), { numRuns: 40, seed: 3 }).map((c) => c.value);
      for (const value of [...valid, ...invalid])
        expect(matches(rootNode(schema, file), value, config), `${file}: ${JSON.stringify(value)}`).toBe(
          check(value) === null,
        );
    }
  });
});
