/**
 * What every consumer test file shares: two PactV4s writing to a temporary directory of their own (vitest runs
 * the consumer files in parallel, so each owns its pact files and directories), the body matchers derived from
 * `schemas/`, and the closing test that compares the generated pact with the committed one in `contracts/`.
 *
 * Each interaction names the requirements it encodes (written into the pact as `comments.requirements`): those of
 * its status, and those of its body. One whose status requirements are all documented goes into the published
 * pact, with its body only when the body's requirements are documented too (else the status alone: loosened);
 * any other still runs against a mock, so the consumer code is tested, but into a pact that is thrown away
 * (src/pact/publication.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { MatchersV3, PactV4 } from '@pact-foundation/pact';
import { afterAll, expect, it } from 'vitest';
import type { CisOperationName } from '../../../src/client/operations.js';
import { contractProblem, UPDATE_CONTRACTS_ENV, writeContract } from '../../../src/pact/contractFiles.js';
import { PACT_PROVIDER, pactFileName, type PactConsumer } from '../../../src/pact/consumers.js';
import { matcherFromSchema, schemaExample, type MatcherOptions } from '../../../src/pact/matchers.js';
import { unpublishedReason } from '../../../src/pact/publication.js';
import { PACT_REQUIREMENTS_COMMENT } from '../../../src/model/pactInteraction.js';
import { loadCatalog } from '../../../src/catalog/catalog.js';
import type { SchemaView } from '../../../src/catalog/schemaViews.js';
import { loadSchemaRegistry } from '../../../src/catalog/schemas.js';

export const registry = loadSchemaRegistry(process.cwd());
const catalog = loadCatalog(process.cwd());
const resolveFile = (file: string) => registry.schema(file);

/** The token the consumer tests send; the provider verifier replaces it with a real one. */
export const TEST_TOKEN = 'consumer-test-token';
export const authorization = { Authorization: MatchersV3.regex(/^Bearer .+$/, `Bearer ${TEST_TOKEN}`) };

/**
 * Response-body matchers in one view of the schemas (src/catalog/schemaViews.ts): `documented` for an interaction
 * that is published, so a contract holds only constraints the docs state; `full`, with the `x-inferred` ones, for
 * an interaction that stays unpublished because it rests on inferred rules anyway.
 */
export interface ResponseBodies {
  /** Whether the interaction's response has a body (false when it is published but its body is not documented). */
  readonly included: boolean;
  /** The builder for `willRespondWith`: the JSON body `make` returns when included, else none. */
  json(make: () => unknown): ((builder: { jsonBody(body: unknown): unknown }) => void) | undefined;
  /** The schema's `examples[0]`, matched on the required properties the consumer `reads`. */
  body(schemaFile: string, options?: Omit<MatcherOptions, 'properties'>): unknown;
  /** An error body (`error-<status>.schema.json`); the consumers read `error_code` unless told otherwise. */
  error(status: 400 | 404 | 409, reads?: readonly string[]): unknown;
}

function responseBodies(view: SchemaView, included: boolean): ResponseBodies {
  const resolve = (file: string) => registry.schema(file, view);
  const body: ResponseBodies['body'] = (schemaFile, options = {}) => {
    const schema = resolve(schemaFile);
    return matcherFromSchema(schema, schemaExample(schema, resolve), resolve, options);
  };
  return {
    included,
    json: (make) => (included ? (b) => void b.jsonBody(make()) : undefined),
    body,
    // The docs show `error_code` only by example, so the contract does not pin its value.
    error: (status, reads = ['error_code']) => body(`error-${status}.schema.json`, { reads }),
  };
}

/** The requirement ids an interaction encodes: a list (status only), or those of its status and of its body. */
export type InteractionRequirements =
  readonly string[] | { readonly status: readonly string[]; readonly body: readonly string[] };

/** The matcher for a request body: exactly the consumer's `example`, which must fit the schema. */
export function requestBody(
  schemaFile: string,
  example: unknown,
  overrides: MatcherOptions['overrides'] = {},
): unknown {
  return matcherFromSchema(registry.schema(schemaFile), example, resolveFile, { properties: 'example', overrides });
}

/** Starts an interaction that carries its requirement ids; `given`, `uponReceiving` and the rest follow. */
export type StartInteraction = () => ReturnType<PactV4['addInteraction']>;

export interface ConsumerContract {
  /**
   * Declares one interaction test: `operation` records coverage, `requirements` the catalog ids the interaction
   * encodes (the published pact holds it only when all are documented), `body` builds and runs it with the
   * response bodies of the matching schema view.
   */
  interaction(
    title: string,
    operation: CisOperationName,
    requirements: InteractionRequirements,
    body: (start: StartInteraction, bodies: ResponseBodies) => Promise<void>,
  ): void;
  /** The closing tests: every operation of the consumer covered, and the committed contract up to date. */
  closingChecks(): void;
}

export function consumerContract(consumer: PactConsumer): ConsumerContract {
  const dir = mkdtempSync(join(tmpdir(), `cis-pact-${consumer.name}-`));
  const pactIn = (folder: string) =>
    new PactV4({ consumer: consumer.name, provider: PACT_PROVIDER, dir: join(dir, folder), logLevel: 'warn' });
  const published = pactIn('published');
  const unpublished = pactIn('unpublished');
  const covered = new Set<CisOperationName>();
  let declared = 0;
  let passed = 0;
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  return {
    interaction(title, operation, requirements, body) {
      declared += 1;
      covered.add(operation);
      const { status, body: bodyIds } = 'status' in requirements ? requirements : { status: requirements, body: [] };
      const why = unpublishedReason(catalog, status);
      const bodyWhy = why === null && bodyIds.length > 0 ? unpublishedReason(catalog, bodyIds) : null;
      const named = bodyWhy === null ? [...status, ...bodyIds] : status;
      const pact = why === null ? published : unpublished;
      const start = () => pact.addInteraction().comment({ key: PACT_REQUIREMENTS_COMMENT, value: named.join(' ') });
      const shown =
        why !== null ? `${title} (not published: ${why})` : bodyWhy ? `${title} (body left out: ${bodyWhy})` : title;
      it(shown, async () => {
        await body(start, responseBodies(why === null ? 'documented' : 'full', bodyWhy === null));
        passed += 1;
      });
    },
    closingChecks() {
      it(`covers each of its ${consumer.operations.length} operations`, () => {
        expect([...covered].sort()).toEqual([...consumer.operations].sort());
      });

      const file = pactFileName(consumer.name);
      it(`contracts/${file} is up to date`, (ctx) => {
        // A filtered run (-t) or a failed interaction leaves a partial pact: comparing it would only add noise.
        if (passed < declared) ctx.skip(`${declared - passed} of ${declared} interactions did not pass or did not run`);
        const generated = join(dir, 'published', file);
        const committed = resolve('contracts', file);
        if (process.env[UPDATE_CONTRACTS_ENV]) writeContract(generated, committed);
        expect(contractProblem(generated, committed)).toBeNull();
      });
    },
  };
}
