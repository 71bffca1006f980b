/**
 * `pact can-i-deploy`, `pact record-deployment` and `pact publish-provider-contract`: thin wrappers over the Pact
 * CLI of `@pact-foundation/pact-cli` (`pact broker can-i-deploy`, `pact broker record-deployment`,
 * `pact pactflow publish-provider-contract`). Credentials come from the environment only and travel in the
 * child's environment; the child's output is passed on with secrets blanked out, and so is its exit code.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import type { ParseArgsConfig } from 'node:util';
import { findPackageRoot } from '../../engine/index.js';
import { PACT_PROVIDER } from '../../pact/consumers.js';
import { runPactCli } from '../../pact/pactCli.js';
import { readResultsFile } from '../../reporters/resultsFile.js';
import { UsageError, type CliIO } from '../command.js';
import { parseStrictArgs } from '../flags.js';
import { brokerAuth, brokerUrl, gitBranchOf, gitHead, refuseSecretFlags } from './pactBrokerFlags.js';

export const BROKER_COMMANDS_USAGE = `can-i-deploy: asks the broker whether a version may be deployed (pact broker can-i-deploy). Exit code: the
Pact CLI's (0 yes, 1 no or unknown); 2 on a usage error. Arguments after -- go to the Pact CLI as they are.
  --broker-url URL        the Pact Broker (or PACT_BROKER_BASE_URL)
  --pacticipant NAME      the application (required), e.g. cis-admin-console or cis-api
  --version V             its version (default: git rev-parse HEAD)
  --to-environment ENV    the environment to deploy to (required), e.g. production
  --retry-while-unknown N, --retry-interval S   wait for missing verification results

record-deployment: records that a version was deployed (pact broker record-deployment). Exit code: the CLI's.
  --broker-url URL  --pacticipant NAME (required)  --version V (default: git rev-parse HEAD)
  --environment ENV (required)  --application-instance NAME

publish-provider-contract: publishes the OpenAPI document with a conformance run as its verification evidence, for
bi-directional contract testing (pact pactflow publish-provider-contract). Exit code: the CLI's; 2 on a usage error.
  --broker-url URL        the broker (PactFlow) (or PACT_BROKER_BASE_URL)
  --provider NAME         default: ${PACT_PROVIDER}
  --provider-version V    default: git rev-parse HEAD
  --branch B              default: the current git branch
  --spec FILE             the provider contract (default: schemas/openapi.yaml of the package)
  --results FILE          the run's results.json (default: reports/latest/results.json); success = no check
                          failed or in error, and no run error
  --evidence FILE         the evidence published (default: summary.md next to results.json, else junit.xml)`;

const CAN_I_DEPLOY_FLAGS = {
  'broker-url': { type: 'string' },
  pacticipant: { type: 'string' },
  version: { type: 'string' },
  'to-environment': { type: 'string' },
  'retry-while-unknown': { type: 'string' },
  'retry-interval': { type: 'string' },
} satisfies ParseArgsConfig['options'];

const RECORD_DEPLOYMENT_FLAGS = {
  'broker-url': { type: 'string' },
  pacticipant: { type: 'string' },
  version: { type: 'string' },
  environment: { type: 'string' },
  'application-instance': { type: 'string' },
} satisfies ParseArgsConfig['options'];

const PROVIDER_CONTRACT_FLAGS = {
  'broker-url': { type: 'string' },
  provider: { type: 'string' },
  'provider-version': { type: 'string' },
  branch: { type: 'string' },
  spec: { type: 'string' },
  results: { type: 'string' },
  evidence: { type: 'string' },
} satisfies ParseArgsConfig['options'];

/** The arguments before `--`, and those after it (for the Pact CLI as they are). */
function splitPassThrough(args: readonly string[]): { own: string[]; passThrough: string[] } {
  const at = args.indexOf('--');
  return at < 0 ? { own: [...args], passThrough: [] } : { own: args.slice(0, at), passThrough: args.slice(at + 1) };
}

function required(value: string | undefined, flag: string): string {
  if (value === undefined || value === '') throw new UsageError(`${flag} is required`, flag);
  return value;
}

function versionOr(value: string | undefined, flag: string): string {
  if (value !== undefined && value !== '') return value;
  const head = gitHead(process.cwd());
  if (head === undefined) throw new UsageError(`${flag} is needed: git names no commit here`, flag);
  return head;
}

function count(flag: string, value: string | undefined): string[] {
  if (value === undefined) return [];
  if (!/^\d+$/.test(value)) throw new UsageError(`${flag} must be a whole number, got '${value}'`, flag);
  return [flag, value];
}

async function passOn(args: readonly string[], io: CliIO, name: string): Promise<number> {
  const auth = brokerAuth();
  const result = await runPactCli({
    args,
    auth,
    onOutput: (stream, text) => (stream === 'stdout' ? io.stdout : io.stderr)(text.replace(/\n$/, '')),
  });
  if (result.exitCode !== 0) io.stderr(`cis-conformance pact ${name}: the Pact CLI exited ${result.exitCode}`);
  return result.exitCode;
}

export async function canIDeploy(args: readonly string[], io: CliIO): Promise<number> {
  refuseSecretFlags(args);
  const { own, passThrough } = splitPassThrough(args);
  const values = parseStrictArgs(own, CAN_I_DEPLOY_FLAGS);
  const url = brokerUrl(values['broker-url'], true) as string;
  const cliArgs = [
    'broker',
    'can-i-deploy',
    '--pacticipant',
    required(values.pacticipant, '--pacticipant'),
    '--version',
    versionOr(values.version, '--version'),
    '--to-environment',
    required(values['to-environment'], '--to-environment'),
    ...count('--retry-while-unknown', values['retry-while-unknown']),
    ...count('--retry-interval', values['retry-interval']),
    '--broker-base-url',
    url,
    ...passThrough,
  ];
  return passOn(cliArgs, io, 'can-i-deploy');
}

export async function recordDeployment(args: readonly string[], io: CliIO): Promise<number> {
  refuseSecretFlags(args);
  const { own, passThrough } = splitPassThrough(args);
  const values = parseStrictArgs(own, RECORD_DEPLOYMENT_FLAGS);
  const url = brokerUrl(values['broker-url'], true) as string;
  const instance = values['application-instance'];
  const cliArgs = [
    'broker',
    'record-deployment',
    '--pacticipant',
    required(values.pacticipant, '--pacticipant'),
    '--version',
    versionOr(values.version, '--version'),
    '--environment',
    required(values.environment, '--environment'),
    ...(instance !== undefined ? ['--application-instance', instance] : []),
    '--broker-base-url',
    url,
    ...passThrough,
  ];
  return passOn(cliArgs, io, 'record-deployment');
}

/** What a run's results.json says about the provider's self-verification, in one line. */
export async function runVerdict(file: string): Promise<{ success: boolean; summary: string }> {
  const results = await readResultsFile(file);
  const failed = results.checks.filter((c) => c.verdict === 'failed').length;
  const errors = results.checks.filter((c) => c.verdict === 'error').length;
  const runErrors = results.runErrors?.length ?? 0;
  const success = failed === 0 && errors === 0 && runErrors === 0;
  const summary = `${results.checks.length} checks: ${failed} failed, ${errors} in error${runErrors > 0 ? `, ${runErrors} run errors` : ''}`;
  return { success, summary };
}

function evidenceOf(resultsFile: string, flag: string | undefined): { file: string; format: string; type: string } {
  const file =
    flag !== undefined
      ? resolve(flag)
      : [join(dirname(resultsFile), 'summary.md'), join(dirname(resultsFile), 'junit.xml')].find(existsSync);
  if (file === undefined || !existsSync(file)) {
    throw new UsageError(
      flag !== undefined
        ? `--evidence ${flag}: no such file`
        : `no evidence next to ${resultsFile} (summary.md or junit.xml); pass --evidence FILE`,
      '--evidence',
    );
  }
  return extname(file) === '.xml'
    ? { file, format: 'junit', type: 'application/xml' }
    : { file, format: 'text', type: 'text/plain' };
}

export async function publishProviderContract(args: readonly string[], io: CliIO): Promise<number> {
  refuseSecretFlags(args);
  const values = parseStrictArgs(args, PROVIDER_CONTRACT_FLAGS);
  const url = brokerUrl(values['broker-url'], true) as string;
  const spec = values.spec !== undefined ? resolve(values.spec) : join(findPackageRoot(), 'schemas', 'openapi.yaml');
  if (!existsSync(spec)) throw new UsageError(`--spec ${spec}: no such file`, '--spec');
  const resultsFile = resolve(values.results ?? join('reports', 'latest', 'results.json'));
  let verdict: { success: boolean; summary: string };
  try {
    verdict = await runVerdict(resultsFile);
  } catch (error) {
    throw new UsageError(`--results: ${(error as Error).message}`, '--results');
  }
  const evidence = evidenceOf(resultsFile, values.evidence);
  const provider = values.provider ?? PACT_PROVIDER;
  const version = versionOr(values['provider-version'], '--provider-version');
  const branch = values.branch ?? gitBranchOf(process.cwd());
  const packageVersion = (
    JSON.parse(readFileSync(join(findPackageRoot(), 'package.json'), 'utf8')) as { version: string }
  ).version;
  io.stdout(
    `publishing the provider contract ${spec} of ${provider} version ${version}${branch ? ` on branch ${branch}` : ''} to ${url}`,
  );
  io.stdout(
    `self-verification ${verdict.success ? 'succeeded' : 'failed'} (${resultsFile}: ${verdict.summary}); evidence ${evidence.file}`,
  );
  const cliArgs = [
    'pactflow',
    'publish-provider-contract',
    spec,
    '--provider',
    provider,
    '--provider-app-version',
    version,
    ...(branch ? ['--branch', branch] : []),
    '--content-type',
    extname(spec) === '.json' ? 'application/json' : 'application/yaml',
    verdict.success ? '--verification-success' : '--no-verification-success',
    '--verification-results',
    evidence.file,
    '--verification-results-content-type',
    evidence.type,
    '--verification-results-format',
    evidence.format,
    '--verifier',
    'cis-conformance',
    '--verifier-version',
    packageVersion,
    '--broker-base-url',
    url,
  ];
  return passOn(cliArgs, io, 'publish-provider-contract');
}
