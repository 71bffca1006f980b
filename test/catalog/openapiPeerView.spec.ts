/**
 * schemas/openapi.yaml as a peer's tool validates with it (Schemathesis and the like): plain JSON Schema 2020-12
 * over the body schema files the document `$ref`s, `x-…` keywords ignored. A correct server that takes a defensible
 * side the docs leave open must pass: a client whose `device_authorization` has no URIs (the MIRROR alone requires
 * them; docs/decisions.md #35, #38). What the docs do require still fails. Request side: a peer generating
 * `authentication_configuration.tls_client_auth.distinguished_name` gets a string or a number, never null (#35).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import formatsPlugin from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { loadOpenApi } from '../../src/catalog/openapi.js';

const addFormats = formatsPlugin.default;
const root = resolve(import.meta.dirname, '../..');
const doc = loadOpenApi(root);

/** A peer's validator: every schema file under its file name, unknown keywords ignored. */
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
for (const file of readdirSync(join(root, 'schemas')).filter((f) => f.endsWith('.schema.json')))
  ajv.addSchema(JSON.parse(readFileSync(join(root, 'schemas', file), 'utf8')) as object);

type Json = Record<string, unknown>;
const responseSchema = (path: string, method: string, status: string): Json => {
  const responses = (doc.paths[path]![method] as Json)['responses'] as Json;
  return (((responses[status] as Json)['content'] as Json)['application/json'] as Json)['schema'] as Json;
};
const valid = (schema: Json, data: unknown): boolean => ajv.validate(schema, data) as boolean;

const example = (
  JSON.parse(readFileSync(join(root, 'schemas', 'client-oidc.schema.json'), 'utf8')) as { examples: Json[] }
).examples[0]!;
const withoutUris: Json = { ...example, device_authorization: { enabled: false } };

const CLIENT_ANSWERS = [
  ['/v1/clients', 'post', '201'],
  ['/v1/clients/{clientId}', 'get', '200'],
  ['/v1/clients/{clientId}', 'put', '200'],
  ['/v1/clients/{clientId}/resources', 'put', '200'],
] as const;

describe("openapi.yaml's responses, validated as a peer does", () => {
  it.each(CLIENT_ANSWERS)(
    '%s %s %s accepts a client whose device_authorization has no URIs, enveloped or bare',
    (path, method, status) => {
      const schema = responseSchema(path, method, status);
      expect(valid(schema, { result: example })).toBe(true);
      expect(valid(schema, { result: withoutUris })).toBe(true);
      expect(valid(schema, withoutUris)).toBe(true);
    },
  );

  it('GET /v1/clients 200 accepts such a client in the list', () => {
    expect(valid(responseSchema('/v1/clients', 'get', '200'), { result: [withoutUris] })).toBe(true);
  });

  it('still refuses what the docs require: a client without client_id, an enabled flag of another type', () => {
    const schema = responseSchema('/v1/clients/{clientId}', 'get', '200');
    const { client_id: _dropped, ...noId } = example;
    expect(valid(schema, { result: noId })).toBe(false);
    expect(valid(schema, { result: { ...example, device_authorization: { enabled: 'yes' } } })).toBe(false);
  });
});

describe("openapi.yaml's request bodies, as a peer generates from them", () => {
  it('types tls_client_auth.distinguished_name as string or number: null is not a value a peer would send', () => {
    const schema = (
      ((doc.paths['/v1/clients']!['post'] as Json)['requestBody'] as Json)['content'] as Record<string, Json>
    )['application/json']!['schema'] as Json;
    const body = (distinguishedName: unknown) => ({
      name: 'peer',
      redirect_uris: ['https://app.example.test/callback'],
      authentication_configuration: {
        method: 'tls_client_auth',
        tls_client_auth: { distinguished_name: distinguishedName },
      },
    });
    expect(valid(schema, body('CN=client.example.test'))).toBe(true);
    expect(valid(schema, body(42))).toBe(true);
    expect(valid(schema, body(null))).toBe(false);
  });
});
