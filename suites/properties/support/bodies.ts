/**
 * Generated request bodies for the Clients properties, from the request schemas (src/arbitraries).
 *
 * Valid bodies are tuned where the schemas say less than a real service needs (a choice, not a documented rule):
 * - `name` and `redirect_uris` have no length or format in the schemas, so the compiler makes empty names and
 *   arbitrary strings; the reference takes them, a real service may not. Names get a run-unique suffix when sent
 *   (also because a taken name is a 409, decisions.md #4) and every URI-valued field gets an `https://` URL (src/arbitraries/formats.ts `httpsUrl`: fc.webUrl costs
 *   about 0.8 s to build).
 * - `resources`, `client_group_id` and `role_ids` name other objects the run never created; a service may check
 *   that they exist, so valid bodies leave them out.
 * - top-level string lists lose duplicates (a service may keep a claim or prompt list as a set).
 * Invalid bodies are the mutator's, untouched: one rule broken, labelled (kind, JSON pointer, keyword).
 */
import fc from 'fast-check';
import { createSchemaArbitraries, type InvalidCase, type MutationKind } from '../../../src/arbitraries/index.js';
import { httpsUrl } from '../../../src/arbitraries/formats.js';
import { sharedSchemaRegistry, type SchemaRegistry } from '../../../src/catalog/schemas.js';

export type JsonObject = Record<string, unknown>;
export type Protocol = 'oidc' | 'saml';

/** Kinds the create and update schemas can be broken by (they state no lengths, formats or extra-field bans). */
const MUTATION_KINDS: readonly MutationKind[] = ['missing-required', 'wrong-type', 'outside-enum', 'null-not-nullable'];

/** Fields that hold a URI (the schemas type them as plain strings). */
const URI_FIELDS = new Set([
  'approval_uri',
  'success_uri',
  'input_uri',
  'login_uri',
  'consent_uri',
  'sp_entity_id',
  'sp_acs_url',
  'ocsp_responder_uri',
]);
const FOREIGN_IDS = ['resources', 'client_group_id', 'role_ids'];

/** The worker's compiled registry (src/catalog/schemas.ts), shared with the checks' validation. */
export function schemaRegistry(packageRoot: string): SchemaRegistry {
  return sharedSchemaRegistry(packageRoot);
}

export interface ClientBodies {
  validCreate: fc.Arbitrary<JsonObject>;
  invalidCreate: fc.Arbitrary<InvalidCase>;
  validUpdate: fc.Arbitrary<{ protocol: Protocol; body: JsonObject }>;
  invalidUpdate: fc.Arbitrary<{ protocol: Protocol; invalid: InvalidCase }>;
  /** The fields a client of that protocol is returned with (client-oidc / client-saml .schema.json). */
  outputFields: Readonly<Record<Protocol, ReadonlySet<string>>>;
}

const bodiesByRegistry = new WeakMap<SchemaRegistry, ClientBodies>();

/**
 * The arbitraries of one registry, built once per worker: building them compiles and mutates four schemas
 * (about 0.2 s each time), and arbitraries are immutable, so the checks that use them share them.
 */
export function clientBodies(registry: SchemaRegistry): ClientBodies {
  let bodies = bodiesByRegistry.get(registry);
  if (!bodies) bodiesByRegistry.set(registry, (bodies = buildClientBodies(registry)));
  return bodies;
}

function buildClientBodies(registry: SchemaRegistry): ClientBodies {
  const schemas = createSchemaArbitraries(registry);
  const mutations = { kinds: MUTATION_KINDS };
  const tuned = (file: string) => tune(schemas.valid(file) as fc.Arbitrary<JsonObject>);
  const fieldsOf = (file: string) => new Set(Object.keys((registry.schema(file) as { properties: object }).properties));
  return {
    validCreate: tuned('client-create.request.schema.json'),
    invalidCreate: schemas.invalid('client-create.request.schema.json', mutations),
    validUpdate: fc.oneof(
      tuned('client-update-oidc.request.schema.json').map((body) => ({ protocol: 'oidc' as const, body })),
      tuned('client-update-saml.request.schema.json').map((body) => ({ protocol: 'saml' as const, body })),
    ),
    invalidUpdate: fc.oneof(
      schemas
        .invalid('client-update-oidc.request.schema.json', mutations)
        .map((invalid) => ({ protocol: 'oidc' as const, invalid })),
      schemas
        .invalid('client-update-saml.request.schema.json', mutations)
        .map((invalid) => ({ protocol: 'saml' as const, invalid })),
    ),
    outputFields: { oidc: fieldsOf('client-oidc.schema.json'), saml: fieldsOf('client-saml.schema.json') },
  };
}

/** The tuning of the file comment; the result is what JSON carries (so `-0` reads back as `0`). */
function tune(valid: fc.Arbitrary<JsonObject>): fc.Arbitrary<JsonObject> {
  const url = httpsUrl();
  return fc.tuple(valid, fc.uniqueArray(url, { minLength: 1, maxLength: 3 }), url).map(([body, redirects, uri]) => {
    const out: JsonObject = {};
    for (const [field, value] of Object.entries(body)) {
      if (FOREIGN_IDS.includes(field)) continue;
      if (field === 'redirect_uris') out[field] = redirects;
      else if (URI_FIELDS.has(field) && typeof value === 'string') out[field] = uri;
      else if (Array.isArray(value) && value.every((v) => typeof v === 'string')) out[field] = [...new Set(value)];
      else out[field] = withUrls(value, uri);
    }
    return JSON.parse(JSON.stringify(out)) as JsonObject;
  });
}

function withUrls(value: unknown, uri: string): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, URI_FIELDS.has(k) && typeof v === 'string' ? uri : withUrls(v, uri)]),
  );
}
