/**
 * The committed contracts as a whole: one file per consumer, each interaction naming its requirements and all of
 * them documented (an inferred expectation never reaches a published contract), provider states the state hook
 * knows, every request authenticated, and every example response a valid part of a body for its schema.
 * Reads only the committed files, so it does not depend on the consumer tests running first.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MatchersV3 } from '@pact-foundation/pact';
import { describe, expect, it } from 'vitest';
import { CIS_OPERATIONS, type CisOperation } from '../../src/client/operations.js';
import { requirementsOfInteraction } from '../../src/model/pactInteraction.js';
import { PACT_CONSUMERS, PACT_PROVIDER, pactFileName, PROVIDER_STATES } from '../../src/pact/consumers.js';
import { unpublishedReason } from '../../src/pact/publication.js';
import { loadCatalog } from '../../src/catalog/catalog.js';
import { loadOpenApi, operationsOf } from '../../src/catalog/openapi.js';
import { loadSchemaRegistry } from '../../src/catalog/schemas.js';

interface PactInteraction {
  description: string;
  providerStates: { name: string; params: Record<string, unknown> }[];
  request: { method: string; path: string; matchingRules?: { header?: Record<string, unknown> } };
  response: { status: number; body?: { content: unknown } };
}
interface PactFile {
  consumer: { name: string };
  provider: { name: string };
  interactions: PactInteraction[];
  metadata: { pactSpecification: { version: string } };
}

const registry = loadSchemaRegistry(process.cwd());
const catalog = loadCatalog(process.cwd());
const consumers = Object.values(PACT_CONSUMERS);
const read = (file: string) => JSON.parse(readFileSync(join('contracts', file), 'utf8')) as PactFile;
const contracts = consumers.map((consumer) => ({ consumer, pact: read(pactFileName(consumer.name)) }));
const all = contracts.flatMap(({ pact }) => pact.interactions);

/** The operation a request hits, by its path template; literal segments such as `me` win over parameters. */
function operationOf(method: string, path: string): CisOperation | undefined {
  const matches = Object.values(CIS_OPERATIONS).filter(
    (op) => op.method === method && new RegExp(`^${op.path.replace(/\{\w+\}/g, '[^/]+')}$`).test(path),
  );
  return matches.sort((a, b) => (a.path.match(/\{/g)?.length ?? 0) - (b.path.match(/\{/g)?.length ?? 0))[0];
}

/** The schema of each operation's success body. */
const SUCCESS_SCHEMA: Readonly<Record<string, string>> = {
  'CLIENTS-CREATE': 'client-single.envelope.schema.json',
  'CLIENTS-LIST': 'client-list.envelope.schema.json',
  'CLIENTS-GET': 'client-single.envelope.schema.json',
  'CLIENTS-UPDATE': 'client-single.envelope.schema.json',
  'CLIENTS-RESOURCES': 'client-single.envelope.schema.json',
  'CONSENTS-LIST': 'consent-list.envelope.schema.json',
  'CONSENTS-GET': 'consent-single.envelope.schema.json',
  'MANAGE-CONSENTS-LIST': 'consent-manage-list.envelope.schema.json',
  'ME-CONSENTS-LIST': 'consent-list.envelope.schema.json',
};

describe('contracts/', () => {
  it('holds exactly one pact per consumer, each naming its consumer, the provider and spec 4.0', () => {
    const files = readdirSync('contracts').filter((f) => f.endsWith('.json'));
    expect(files.sort()).toEqual(consumers.map((c) => pactFileName(c.name)).sort());
    for (const { consumer, pact } of contracts) {
      expect([pact.consumer.name, pact.provider.name, pact.metadata.pactSpecification.version]).toEqual([
        consumer.name,
        PACT_PROVIDER,
        '4.0',
      ]);
    }
  });

  it('reaches only operations of the consumer that owns them', () => {
    for (const { consumer, pact } of contracts) {
      for (const i of pact.interactions) {
        const op = operationOf(i.request.method, i.request.path);
        expect(op, `${consumer.name}: "${i.description}" hits no known operation`).toBeDefined();
        expect(consumer.operations.map((name) => CIS_OPERATIONS[name].key)).toContain(op?.key);
      }
    }
  });

  it('holds no interaction for a rule the docs do not promise: each names its requirements, all documented', () => {
    expect(all.length).toBeGreaterThan(0);
    for (const interaction of all) {
      const requirements = requirementsOfInteraction(interaction);
      expect(requirements.length, interaction.description).toBeGreaterThan(0);
      expect(unpublishedReason(catalog, requirements), interaction.description).toBeNull();
    }
  });

  it("gives each consumer's client token every permission the docs list for each of its operations (any-of is inferred)", () => {
    const listed = operationsOf(loadOpenApi(process.cwd()));
    for (const consumer of consumers) {
      if (consumer.token.kind !== 'client') continue;
      for (const name of consumer.operations) {
        const { method, path } = CIS_OPERATIONS[name];
        const op = listed.find((o) => o.method === method && o.path === path);
        expect(op, `${method} ${path} in openapi.yaml`).toBeDefined();
        expect(consumer.token.permissions, `${consumer.name} ${name}`).toEqual(
          expect.arrayContaining([...(op?.permissions ?? [])]),
        );
      }
    }
  });

  it('uses only the two states of the state hook, with params the hook accepts', () => {
    for (const interaction of all) {
      expect(interaction.providerStates.length, interaction.description).toBeGreaterThan(0);
      for (const { name, params } of interaction.providerStates) {
        expect(Object.values(PROVIDER_STATES)).toContain(name);
        const request = { state: name, params, action: 'setup' };
        expect(registry.validate('state-hook.request.schema.json', request).errors).toEqual([]);
      }
    }
  });

  it('sends a bearer token on every request, matched by regex so the verifier can inject a real one', () => {
    for (const interaction of all) {
      expect(interaction.request.matchingRules?.header?.Authorization, interaction.description).toEqual({
        combine: 'AND',
        matchers: [{ match: 'regex', regex: '^Bearer .+$' }],
      });
    }
  });

  it('shows an example response that is a valid body for its status', () => {
    for (const { request, response, description } of all) {
      const key = operationOf(request.method, request.path)?.key ?? '';
      const schema = response.status >= 400 ? `error-${response.status}.schema.json` : SUCCESS_SCHEMA[key];
      if (!schema) {
        expect(response.body, `${description}: a body where none is documented`).toBeUndefined();
        continue;
      }
      // A status-only interaction (its body rests on inferred rules) has nothing to validate.
      if (response.body === undefined) continue;
      // A response names only the required fields its consumer reads (src/pact/matchers.ts `reads`), so the
      // example may lack required ones; whatever it holds must be valid.
      const content = MatchersV3.reify(response.body?.content);
      const errors = registry.validate(schema, content).errors.filter((e) => !/must have required property/.test(e));
      expect(errors, description).toEqual([]);
    }
  });
});
