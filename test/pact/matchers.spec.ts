import { MatchersV3 } from '@pact-foundation/pact';
import { describe, expect, it } from 'vitest';
import { DATE_TIME_PATTERN, matcherFromSchema, schemaExample, type SchemaResolver } from '../../src/pact/matchers.js';
import { loadSchemaRegistry, type JsonSchema } from '../../src/catalog/schemas.js';

const registry = loadSchemaRegistry(process.cwd());
const resolveFile: SchemaResolver = (file) => registry.schema(file);
const noFiles: SchemaResolver = (file) => {
  throw new Error(`unexpected file ${file}`);
};

/** Derives a matcher for an inline schema and its own example. */
const derive = (schema: JsonSchema, example: unknown, options = {}) =>
  matcherFromSchema(schema, example, noFiles, options);

describe('matcherFromSchema: scalars', () => {
  it('makes const and one-value enums literal (equality) and several values a regex of the alternatives', () => {
    const schema = {
      type: 'object',
      required: ['kind', 'only', 'mode'],
      properties: { kind: { const: 'oidc' }, only: { enum: [7] }, mode: { type: 'string', enum: ['a.b', 'c'] } },
    };
    const matcher = derive(schema, { kind: 'oidc', only: 7, mode: 'c' }) as Record<string, { regex?: string }>;
    expect(matcher.kind).toEqual(MatchersV3.equal('oidc'));
    expect(matcher.only).toEqual(MatchersV3.equal(7));
    const alternatives = new RegExp(matcher.mode?.regex ?? '');
    expect(['a.b', 'c'].map((v) => alternatives.test(v))).toEqual([true, true]);
    expect(['aXb', 'cc', ''].some((v) => alternatives.test(v))).toBe(false);
  });

  it('matches date-time strings by an RFC 3339 regex and other strings by type', () => {
    const schema = {
      type: 'object',
      required: ['at', 'name'],
      properties: { at: { type: 'string', format: 'date-time' }, name: { type: 'string' } },
    };
    const matcher = derive(schema, { at: '2019-08-24T14:15:22Z', name: 'n' }) as Record<string, unknown>;
    expect(matcher.at).toEqual(MatchersV3.regex(DATE_TIME_PATTERN, '2019-08-24T14:15:22Z'));
    expect(matcher.name).toEqual(MatchersV3.like('n'));
    const dateTime = new RegExp(DATE_TIME_PATTERN);
    expect(['2019-08-24T14:15:22Z', '2019-08-24T14:15:22.123+02:00'].every((v) => dateTime.test(v))).toBe(true);
    expect(['2019-08-24', '2019-08-24 14:15:22Z', '1566656122'].some((v) => dateTime.test(v))).toBe(false);
  });

  it('uses integer for integer schemas and number for number schemas, even with a whole-number example', () => {
    const schema = {
      type: 'object',
      required: ['i', 'n'],
      properties: { i: { type: 'integer' }, n: { type: 'number' } },
    };
    expect(derive(schema, { i: 3, n: 1700000000000 })).toEqual({
      i: MatchersV3.integer(3),
      n: MatchersV3.number(1700000000000),
    });
  });

  it('rejects an example that does not fit the schema, naming it', () => {
    const schema = { type: 'object', required: ['n'], properties: { n: { type: 'number' } } };
    expect(() => derive(schema, { n: 'x' })).toThrow('the example does not fit the schema: {"n":"x"}');
  });
});

describe('matcherFromSchema: objects and arrays', () => {
  const schema = {
    type: 'object',
    required: ['id', 'tags'],
    properties: {
      id: { type: 'string' },
      note: { type: 'string' },
      tags: { type: 'array', items: { type: 'string' } },
    },
  };

  it('names only required properties for responses and exactly the example properties for requests', () => {
    const example = { note: 'n', id: 'x', tags: ['t'] };
    expect(Object.keys(derive(schema, example) as object)).toEqual(['id', 'tags']);
    expect(Object.keys(derive(schema, example, { properties: 'example' }) as object)).toEqual(['note', 'id', 'tags']);
  });

  it('lets an empty list verify when the schema allows it, and keeps minItems otherwise', () => {
    expect((derive(schema, { id: 'x', tags: [] }) as Record<string, unknown>).tags).toEqual(
      MatchersV3.atLeastLike(MatchersV3.like('string'), 0, 1),
    );
    const atLeastOne = derive(schema, { id: 'x', tags: [] }, { atLeastOne: ['tags'] }) as Record<string, unknown>;
    expect(atLeastOne.tags).toEqual(MatchersV3.eachLike(MatchersV3.like('string'), 1));
    expect(() => derive(schema, { id: 'x', tags: [] }, { atLeastOne: ['id[]'] })).toThrow(
      'override paths not in the body: id[]',
    );
    const two = { type: 'array', minItems: 2, items: { type: 'integer' } };
    expect(derive(two, [1, 2])).toEqual(MatchersV3.eachLike(MatchersV3.integer(1), 2));
  });

  it('places overrides as given, keeps overridden optional properties, and rejects unknown override paths', () => {
    const list = { type: 'object', required: ['result'], properties: { result: { type: 'array', items: schema } } };
    const fixed = MatchersV3.fromProviderState('${note}', 'n');
    const matcher = derive(list, { result: [{ id: 'x', tags: [] }] }, { overrides: { 'result[].note': fixed } });
    expect(JSON.stringify(matcher)).toContain('"expression":"${note}"');
    expect(() => derive(schema, { id: 'x', tags: [] }, { overrides: { nope: 1 } })).toThrow(
      'override paths not in the body: nope',
    );
  });
});

describe('matcherFromSchema: references and unions', () => {
  const docs: Record<string, JsonSchema> = {
    'base.json': {
      type: 'object',
      required: ['kind', 'when'],
      properties: { kind: { type: 'string', enum: ['a', 'b'] }, when: { $ref: '#/$defs/When' } },
      $defs: { When: { type: 'string', format: 'date-time' } },
    },
  };
  const resolveDocs: SchemaResolver = (file) => docs[file] ?? noFiles(file);

  it('applies a $ref together with its sibling keywords and resolves fragments in the referenced file', () => {
    const narrowed = { $ref: 'base.json', properties: { kind: { const: 'b' } } };
    const matcher = matcherFromSchema(narrowed, { kind: 'b', when: '2024-01-01T00:00:00Z' }, resolveDocs);
    expect(matcher).toEqual({
      kind: MatchersV3.equal('b'),
      when: MatchersV3.regex(DATE_TIME_PATTERN, '2024-01-01T00:00:00Z'),
    });
  });

  it('picks the anyOf branch the example fits (the SAML client from client.schema.json, full view)', () => {
    const resolveFull: SchemaResolver = (file) => registry.schema(file, 'full');
    const client = resolveFull('client.schema.json');
    const saml = (client.examples as unknown[])[1];
    const matcher = matcherFromSchema(client, saml, resolveFull) as Record<string, unknown>;
    expect(matcher.authentication_protocol).toEqual(MatchersV3.equal('saml'));
    expect(matcher).toHaveProperty('sp_entity_id');
    expect(matcher).not.toHaveProperty('redirect_uris');
  });

  it('requires only documented constraints: what a schema keeps in x-inferred never reaches the matcher', () => {
    // The SAML client's sp_entity_id is required only by the MIRROR (an x-inferred `required`).
    const documented = registry.schema('client.schema.json');
    const saml = (documented.examples as unknown[])[1];
    const matcher = matcherFromSchema(documented, saml, resolveFile) as Record<string, unknown>;
    expect(matcher).not.toHaveProperty('sp_entity_id');
    expect(() =>
      matcherFromSchema(registry.schema('error-409.schema.json'), { error_code: 409 }, resolveFile, {
        reads: ['ts_error_code'],
      }),
    ).toThrow(/the consumer reads ts_error_code, which the schema does not require/);
  });

  it('names only the required properties the consumer reads', () => {
    const schema = registry.schema('consent-single.envelope.schema.json');
    const matcher = matcherFromSchema(schema, schemaExample(schema, resolveFile), resolveFile, {
      reads: ['result.scope'],
    }) as { result: Record<string, unknown> };
    expect(Object.keys(matcher.result)).toEqual(['scope']);
  });

  it('leaves out a property whose schema is a union of different JSON types (the 400 message)', () => {
    const schema = registry.schema('error-400.schema.json');
    const matcher = matcherFromSchema(schema, { message: ['bad'], error_code: 400 }, resolveFile);
    expect(matcher).toEqual({ error_code: MatchersV3.number(400) });
  });
});

describe('matcherFromSchema on every schema file', () => {
  // The law: the body a derived matcher stands for (its reified example) is valid for the schema it came from,
  // except for properties left out on purpose (unions of different JSON types).
  const noAud = ["/ must have required property 'aud'"];
  const omitted: Readonly<Record<string, string[]>> = {
    'error-400.schema.json': ["/ must have required property 'message'"],
    'claims-admin-token.schema.json': noAud,
    'claims-client-token.schema.json': noAud,
    'claims-user-token.schema.json': noAud,
  };
  const files = registry.files().filter((file) => file !== 'requirements.schema.json');

  it.each(files)('%s: the reified matcher of examples[0] validates', (file) => {
    const schema = registry.schema(file);
    const matcher = matcherFromSchema(schema, schemaExample(schema, resolveFile), resolveFile);
    expect(registry.validate(file, MatchersV3.reify(matcher)).errors).toEqual(omitted[file] ?? []);
  });
});
