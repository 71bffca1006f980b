/**
 * The pact suite end to end: every interaction of the committed contracts is one check, family `pact`, which
 * passes on the clean reference, fails on a seeded fault exactly where Pact's own verifier fails, and is skipped
 * with the reason on a target without a state hook. A broken interaction costs what the evidence of its weakest
 * requirement says (judged here through the suite's own expectation and outcome code).
 */
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReference, type RunningReference } from '../../reference/server.js';
import { findPackageRoot, type RunConfig } from '../../src/engine/index.js';
import { createMinter } from '../../src/issuer/minter.js';
import { runSuites, suiteRunConfig } from './support/suiteRun.js';
import { verifyContracts } from '../../src/pact/verify.js';
import { loadCatalog, requirementById } from '../../src/catalog/catalog.js';
import { loadSchemaRegistry } from '../../src/catalog/schemas.js';
import { createExpect } from '../../src/suite/expect.js';
import { CheckOutcome } from '../../src/suite/outcome.js';
import { CheckStopped } from '../../src/model/checkSignals.js';
import { judgedByOf, readContractInteractions } from '../../suites/pact/support/contractInteractions.js';
import { judgeReplay, type ReplayMismatches } from '../../suites/pact/support/replay.js';

const root = findPackageRoot();
const catalog = loadCatalog(root);
const INTERACTIONS = readContractInteractions(root, catalog).length;

const config = (target: RunConfig['target'], extra: Partial<RunConfig> = {}): RunConfig =>
  suiteRunConfig(['pact'], { seed: 3, runs: 5, target, ...extra });
const run = runSuites;

let reference: RunningReference;
let hookless: Server;
let hooklessUrl = '';

beforeAll(async () => {
  reference = await startReference();
  // The reference without its state hook: the hook path answers 404 like any unknown route.
  const upstream = new URL(reference.url);
  hookless = createServer((req, res) => {
    if ((req.url ?? '').startsWith('/__conformance')) return void res.writeHead(404).end();
    const forward = httpRequest(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on('error', () => res.writeHead(502).end());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => hookless.listen(0, '127.0.0.1', resolve));
  hooklessUrl = `http://127.0.0.1:${(hookless.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => hookless?.close(() => resolve()));
  await reference?.close();
});

describe('pact suite', () => {
  it('passes one check per contract interaction on the clean reference, each under the first requirement it names', async () => {
    expect(INTERACTIONS).toBe(15);
    const { results } = await run(config({ kind: 'embedded' }));
    expect(results.summary).toEqual({
      passed: INTERACTIONS,
      observed: 0,
      failed: 0,
      warnings: 0,
      skipped: 0,
      errors: 0,
    });
    expect(new Set(results.checks.map((c) => c.family))).toEqual(new Set(['pact']));
    const titles = results.checks.map((c) => `${c.requirement} ${c.title}`);
    expect(titles).toEqual(
      expect.arrayContaining([
        'CLIENTS-CREATE-400 cis-admin-console: a request to create a client without a name',
        'CLIENTS-DELETE-ALL-204 cis-admin-console: a request to delete all clients',
        'CONSENTS-DELETE-USER-2XX cis-consent-manager: a request to delete one consent of a user for a client',
        'MANAGE-CONSENTS-LIST-200 cis-consent-manager: a request to list the consents of an app',
        'ME-CONSENTS-LIST-200 cis-account-page: a request from a user to list their consents',
      ]),
    );
    // A passing interaction covers every requirement it names.
    const listApp = results.checks.find((c) => c.requirement === 'MANAGE-CONSENTS-LIST-200');
    expect(listApp?.covers).toEqual(
      expect.arrayContaining(['MANAGE-CONSENTS-LIST-200-BODY', 'MANAGE-CONSENTS-LIST-200-CLIENT-NAME']),
    );
  });

  it('fails where Pact verification fails on the create-status-200 fault, naming CLIENTS-CREATE-201', async () => {
    const { results, exitCode } = await run(config({ kind: 'embedded', fault: 'create-status-200' }));
    expect(exitCode).toBe(1);
    const failed = results.checks.filter((c) => c.verdict !== 'passed' && c.verdict !== 'observed');
    expect(failed.map((c) => [c.requirement, c.verdict, c.title])).toEqual([
      ['CLIENTS-CREATE-201', 'failed', 'cis-admin-console: a request to create an OIDC client'],
    ]);
    expect(failed[0]?.message).toContain('expected 201 but was 200');

    const faulty = await startReference({ fault: 'create-status-200' });
    try {
      const pact = await verifyContracts({
        baseUrl: faulty.url,
        stateUrl: faulty.stateUrl,
        minter: await createMinter({ packageRoot: root }),
        catalog,
        contractsDir: `${root}/contracts`,
        logLevel: 'error',
      });
      const pactFailed = pact.interactions.filter((i) => !i.passed).map((i) => `${i.consumer}: ${i.description}`);
      expect(pactFailed).toEqual(failed.map((c) => c.title));
    } finally {
      await faulty.close();
    }
  });

  it('judges a broken interaction by the weakest evidence it names: documented fails, inferred warns, observation is observed', () => {
    const judge = (requirements: string[], mismatches: ReplayMismatches) => {
      const outcome = new CheckOutcome(false, 'pact-check');
      const ruleOf = (options?: { requirement?: string }) => {
        const r = requirementById(catalog, options?.requirement ?? (requirements[0] as string));
        return { id: r.id, operation: r.operation, evidence: r.evidence };
      };
      const c = { expect: createExpect(outcome, ruleOf, loadSchemaRegistry(root)) };
      const interaction = { consumer: 'cis-test', description: 'a request', requirements };
      try {
        judgeReplay(c, { ...interaction, judgedBy: judgedByOf(requirements, catalog) }, mismatches);
      } catch (error) {
        // A failed judgement stops the check; the outcome holds the verdict.
        if (!(error instanceof CheckStopped)) throw error;
      }
      return {
        verdict: outcome.verdict,
        message: outcome.message,
        observations: outcome.observations.length,
        covers: [...outcome.judged],
      };
    };
    // Ids by evidence, read from the catalog so the test follows its evidence audits.
    const ids = (evidence: string) => catalog.requirements.filter((r) => r.evidence === evidence).map((r) => r.id);
    const [documented = '', documented2 = ''] = ids('documented');
    const [inferred = ''] = ids('inferred');
    const [observation = ''] = ids('observation');
    const broken: ReplayMismatches = { status: 'expected 409 but was 201', headers: [], body: [] };
    const fine: ReplayMismatches = { status: null, headers: [], body: [] };
    expect(judge([documented], broken)).toMatchObject({ verdict: 'failed' });
    expect(judge([inferred], broken)).toMatchObject({
      verdict: 'warning',
      message: expect.stringContaining(`${inferred} (inferred)`),
    });
    expect(judge([documented, inferred], broken)).toMatchObject({ verdict: 'warning' });
    expect(judge([documented, observation], broken)).toMatchObject({ verdict: 'observed', observations: 1 });
    expect(judge([documented, documented2], fine)).toMatchObject({
      verdict: 'passed',
      covers: [documented, documented2],
    });
  });

  it('skips every check with the reason when the target has no state hook', async () => {
    const { results } = await run(config({ kind: 'url', url: hooklessUrl }));
    expect(results.summary).toMatchObject({ passed: 0, observed: 0, failed: 0, errors: 0, skipped: INTERACTIONS });
    for (const check of results.checks) expect(check.message).toMatch(/state hook/);
  });
});
