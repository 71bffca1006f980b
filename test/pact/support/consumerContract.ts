/**
 * What every consumer test file shares: a PactV4 writing to a temporary directory of its own (vitest runs the
 * consumer files in parallel, so each owns one pact file and one directory), the body matchers derived from
 * `schemas/`, and the closing test that compares the generated pact with the committed one in `contracts/`.
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
import { loadSchemaRegistry } from '../../../src/spec/schemas.js';

export const registry = loadSchemaRegistry(process.cwd());
const resolveFile = (file: string) => registry.schema(file);

/** The token the consumer tests send; the provider verifier replaces it with a real one. */
export const TEST_TOKEN = 'consumer-test-token';
export const authorization = { Authorization: MatchersV3.regex(/^Bearer .+$/, `Bearer ${TEST_TOKEN}`) };

/** The matcher for a response body: the schema's `examples[0]`, required properties only. */
export function responseBody(schemaFile: string, options: Omit<MatcherOptions, 'properties'> = {}): unknown {
  const schema = registry.schema(schemaFile);
  return matcherFromSchema(schema, schemaExample(schema, resolveFile), resolveFile, options);
}

/** The matcher for a request body: exactly the consumer's `example`, which must fit the schema. */
export function requestBody(
  schemaFile: string,
  example: unknown,
  overrides: MatcherOptions['overrides'] = {},
): unknown {
  return matcherFromSchema(registry.schema(schemaFile), example, resolveFile, { properties: 'example', overrides });
}

/** An error body (`error-<status>.schema.json`) whose `error_code` equals the status: consumers branch on it. */
export function errorBody(status: 400 | 404 | 409): unknown {
  return responseBody(`error-${status}.schema.json`, { overrides: { error_code: MatchersV3.equal(status) } });
}

export interface ConsumerContract {
  readonly pact: PactV4;
  /** Declares one interaction test; `operation` records coverage. */
  interaction(title: string, operation: CisOperationName, body: () => Promise<void>): void;
  /** The closing tests: every operation of the consumer covered, and the committed contract up to date. */
  closingChecks(): void;
}

export function consumerContract(consumer: PactConsumer): ConsumerContract {
  const dir = mkdtempSync(join(tmpdir(), `cis-pact-${consumer.name}-`));
  const pact = new PactV4({ consumer: consumer.name, provider: PACT_PROVIDER, dir, logLevel: 'warn' });
  const covered = new Set<CisOperationName>();
  let declared = 0;
  let passed = 0;
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  return {
    pact,
    interaction(title, operation, body) {
      declared += 1;
      covered.add(operation);
      it(title, async () => {
        await body();
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
        const generated = join(dir, file);
        const committed = resolve('contracts', file);
        if (process.env[UPDATE_CONTRACTS_ENV]) writeContract(generated, committed);
        expect(contractProblem(generated, committed)).toBeNull();
      });
    },
  };
}
