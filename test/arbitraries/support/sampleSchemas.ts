/**
 * Small schemas shaped like the project's (cross-file anyOf, nested objects, enums, formats, nullable members),
 * so the compiler and the law kit are exercised on their own, independent of `schemas/`.
 */
import type { JsonSchema } from '../../../src/arbitraries/types.js';

const uriList = { type: 'array', items: { type: 'string', format: 'uri' }, uniqueItems: true, maxItems: 5 };

export const SAMPLE_DOCUMENTS: Readonly<Record<string, JsonSchema & object>> = {
  'oidc.schema.json': {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    additionalProperties: false,
    required: ['name', 'redirect_uris'],
    properties: {
      name: { type: 'string', minLength: 1, maxLength: 40 },
      description: { type: 'string', maxLength: 200 },
      authentication_protocol: { enum: ['oidc'], default: 'oidc' },
      redirect_uris: uriList,
      client_type: { type: 'string', enum: ['web', 'native'], default: 'web' },
      consent_validity_period: { type: 'number', exclusiveMinimum: 0, maximum: 31536000 },
      device_authorization: { $ref: 'common.schema.json#/$defs/device' },
      response_types: { type: 'array', items: { enum: ['code', 'id_token'] }, uniqueItems: true, minItems: 1 },
    },
  },
  'saml.schema.json': {
    type: 'object',
    additionalProperties: false,
    required: ['name', 'sp_entity_id', 'authentication_protocol'],
    properties: {
      name: { type: 'string', minLength: 1, maxLength: 40 },
      authentication_protocol: { const: 'saml' },
      sp_entity_id: { type: 'string', minLength: 1 },
      sp_acs_url: { type: 'string', format: 'uri' },
      sign_assertion: { type: 'boolean' },
    },
  },
  'common.schema.json': {
    $defs: {
      device: {
        type: 'object',
        additionalProperties: false,
        required: ['enabled'],
        properties: {
          enabled: { type: 'boolean', default: false },
          approval_uri: { type: 'string', format: 'uri-reference' },
        },
      },
    },
  },
  'client.schema.json': { anyOf: [{ $ref: 'oidc.schema.json' }, { $ref: 'saml.schema.json' }] },
  'consent.schema.json': {
    type: 'object',
    required: ['consent_id', 'created_at', 'scopes', 'expires_at'],
    properties: {
      consent_id: { type: 'string', format: 'uuid' },
      created_at: { type: 'string', format: 'date-time' },
      expires_at: { type: ['string', 'null'], format: 'date-time' },
      user_email: { type: 'string', format: 'email' },
      scopes: { type: 'array', items: { type: 'string', minLength: 1 } },
      attempts: { type: 'integer', minimum: 0, maximum: 10 },
    },
  },
  'error-400.schema.json': {
    type: 'object',
    required: ['message', 'error_code'],
    properties: {
      message: { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' }, minItems: 1 }] },
      error_code: { type: 'integer', const: 400 },
    },
  },
  'envelope.schema.json': {
    type: 'object',
    additionalProperties: false,
    required: ['result'],
    properties: { result: { type: 'array', items: { $ref: 'client.schema.json' }, maxItems: 3 } },
  },
};
