import { describe, expect, it } from 'vitest';
import { exampleFromSchema, fitsSchema } from '../../src/pact/schemaExample.js';
import { schemaParts, type SchemaResolver } from '../../src/pact/schemaParts.js';
import type { JsonSchema } from '../../src/catalog/schemas.js';

const docs: Record<string, JsonSchema> = {
  'item.json': { type: 'object', required: ['at'], properties: { at: { type: 'string', format: 'date-time' } } },
};
const resolve: SchemaResolver = (file) => {
  const doc = docs[file];
  if (!doc) throw new Error(`unknown file ${file}`);
  return doc;
};
const parts = (schema: JsonSchema) => schemaParts(schema, schema, resolve);

describe('exampleFromSchema', () => {
  it('prefers const, enum, examples and default, in that order', () => {
    expect(exampleFromSchema(parts({ const: 'c', enum: ['e'] }), resolve)).toBe('c');
    expect(exampleFromSchema(parts({ enum: ['e'], examples: ['x'] }), resolve)).toBe('e');
    expect(exampleFromSchema(parts({ type: 'string', examples: ['x'], default: 'd' }), resolve)).toBe('x');
    expect(exampleFromSchema(parts({ type: 'string', default: 'd' }), resolve)).toBe('d');
  });

  it('builds required properties, minItems items and formatted strings across $refs', () => {
    const schema = {
      type: 'object',
      required: ['items', 'n'],
      properties: {
        items: { type: 'array', minItems: 2, items: { $ref: 'item.json' } },
        n: { type: 'integer', minimum: 5 },
        optional: { type: 'string' },
      },
    };
    expect(exampleFromSchema(parts(schema), resolve)).toEqual({
      items: [{ at: '2024-01-01T00:00:00Z' }, { at: '2024-01-01T00:00:00Z' }],
      n: 5,
    });
  });

  it('takes the first branch of a union', () => {
    expect(exampleFromSchema(parts({ anyOf: [{ type: 'string' }, { type: 'array' }] }), resolve)).toBe('string');
  });
});

describe('fitsSchema', () => {
  const narrowed = {
    anyOf: [
      { $ref: 'item.json', properties: { kind: { const: 'a' } } },
      { type: 'object', required: ['kind'], properties: { kind: { const: 'b' } } },
    ],
  };

  it('checks type, const, required names and nested items', () => {
    expect(fitsSchema(parts(narrowed), { kind: 'a', at: 'x' }, resolve)).toBe(true);
    expect(fitsSchema(parts(narrowed), { kind: 'a' }, resolve)).toBe(false);
    expect(fitsSchema(parts(narrowed), { kind: 'b' }, resolve)).toBe(true);
    expect(fitsSchema(parts(narrowed), { kind: 'c', at: 'x' }, resolve)).toBe(false);
    const list = { type: 'array', items: { type: 'integer' } };
    expect(fitsSchema(parts(list), [1, 2], resolve)).toBe(true);
    expect(fitsSchema(parts(list), [1, 2.5], resolve)).toBe(false);
  });

  it('lets a whole number fit a number schema', () => {
    expect(fitsSchema(parts({ type: 'number' }), 3, resolve)).toBe(true);
    expect(fitsSchema(parts({ type: 'integer' }), 3.5, resolve)).toBe(false);
  });
});
