import { join, resolve } from 'node:path';
import type { ParseArgsConfig } from 'node:util';
import { CHOICE_NAMES } from '../../../reference/choices.js';
import { FAULTS } from '../../../reference/faults.js';
import { findPackageRoot } from '../../engine/index.js';
import { createMinter } from '../../issuer/minter.js';
import { listPactFiles, type PactFile } from '../../pact/pactFiles.js';
import { gitBranch, gitChanges, gitCommit, publishContracts } from '../../pact/publish.js';
import { consumerByName, verifyContracts, type JudgedInteraction, type VerificationResult } from '../../pact/verify.js';
import { verifyFromBroker, type BrokerSource } from '../../pact/verifyBroker.js';
import { PACT_CONSUMERS, PACT_PROVIDER, type PactConsumer } from '../../pact/consumers.js';
import { brokerAuth, brokerSourceOf, brokerUrl, refuseSecretFlags } from './pactBrokerFlags.js';
import { BROKER_COMMANDS_USAGE, canIDeploy, publishProviderContract, recordDeployment } from './pactBrokerCommands.js';
import { loadCatalog } from '../../catalog/catalog.js';
import { openTarget, probeReachable, type TargetSpec } from '../../targets/index.js';
import { UsageError, type CliCommand, type CliIO } from '../command.js';
import { choicesFlags, integerFlag, parseStrictArgs } from '../flags.js';

const DEFAULT_TIMEOUT_MS = 10_000;

const usage = `Usage: cis-conformance pact verify [options]
       cis-conformance pact verify --broker-url URL [broker options] [options]
       cis-conformance pact publish --broker-url URL [options]
       cis-conformance pact can-i-deploy --pacticipant NAME --version V --to-environment ENV [options]
       cis-conformance pact record-deployment --pacticipant NAME --version V --environment ENV [options]
       cis-conformance pact publish-provider-contract --broker-url URL --provider-version V [options]

Broker credentials come from the environment only: PACT_BROKER_TOKEN (bearer), or PACT_BROKER_USERNAME and
PACT_BROKER_PASSWORD (basic). A --broker-token flag is refused; secrets are never printed.

verify: Pact provider verification of the contracts in contracts/ against a target. Provider states go through
the target's state hook; each consumer's requests carry a token from the harness's issuer. Prints one line per
interaction, judged by the evidence of the requirements it names: a broken interaction fails (✗) when they are
documented, warns (!) when one is inferred, is observed (○) when one is an observation. Exit code: 1 if an
interaction failed; otherwise 2 if it could not verify (usage error, target unreachable, no state hook, a state
that could not be set up); otherwise 0 (warnings and observations included).
  --strict              an interaction resting on an inferred requirement fails instead of warning
  --target URL          the prefix before /v1/... (default: the embedded reference, started in-process)
  --state-url URL       the provider-state hook (default: <target>/__conformance/state)
  --consumer NAME       only this consumer's contract; repeatable or comma-separated
  --fault NAME          switch on one seeded defect of the embedded reference (self-tests)
  --choices SET         default or alternate: the embedded reference takes the other defensible side on every
                        point the docs leave open (the contracts hold only documented behaviour: 0 failed)
  --choice NAME...      switch on these choices of the embedded reference only; repeatable or comma-separated
  --timeout MS          per-request time-out (default ${DEFAULT_TIMEOUT_MS})
  --contracts DIR       the pact files to verify (default: contracts/ of the package)

verify --broker-url URL: the pacts the broker selects instead of the local files, through Pact's own Verifier,
one run per consumer of the token table (the local contracts give the evidence of each interaction). A failure
of a pending pact (or a pending interaction) is a warning and never fails the run.
  --broker-url URL                     the Pact Broker (PACT_BROKER_BASE_URL is not read in local mode)
  --provider NAME                      default: the provider the contracts name (cis-api)
  --provider-version V                 default: git rev-parse HEAD
  --provider-branch B                  default: the current git branch
  --consumer-version-selectors JSON    default: [{"mainBranch":true},{"deployedOrReleased":true}]
  --enable-pending                     pacts the broker marks pending only warn
  --include-wip-pacts-since DATE       also verify work-in-progress pacts since YYYY-MM-DD (needs --enable-pending)
  --publish-verification-results       publish one result per pact (needs an explicit --provider-version;
                                       refused on a git tree with uncommitted changes unless --allow-dirty).
                                       The run's verdict equals what is published: a broken interaction fails
  --allow-dirty                        publish even though the git tree has uncommitted changes

publish: publishes the pact files to a Pact Broker through the Pact CLI (pact broker publish).
Exit code: 1 if the Pact CLI failed; 2 on a usage error.
  --broker-url URL        the Pact Broker (required; or PACT_BROKER_BASE_URL)
  --branch B              consumer branch (default: git rev-parse --abbrev-ref HEAD)
  --consumer-version V    consumer version (default: git rev-parse HEAD)
  --contracts DIR         the pact files to publish (default: contracts/ of the package)

${BROKER_COMMANDS_USAGE}`;

const VERIFY_FLAGS = {
  target: { type: 'string' },
  'state-url': { type: 'string' },
  consumer: { type: 'string', multiple: true, default: [] },
  fault: { type: 'string' },
  choices: { type: 'string' },
  choice: { type: 'string', multiple: true },
  timeout: { type: 'string' },
  contracts: { type: 'string' },
  strict: { type: 'boolean', default: false },
  'broker-url': { type: 'string' },
  provider: { type: 'string' },
  'provider-version': { type: 'string' },
  'provider-branch': { type: 'string' },
  'consumer-version-selectors': { type: 'string' },
  'enable-pending': { type: 'boolean', default: false },
  'include-wip-pacts-since': { type: 'string' },
  'publish-verification-results': { type: 'boolean', default: false },
  'allow-dirty': { type: 'boolean', default: false },
} satisfies ParseArgsConfig['options'];

const PUBLISH_FLAGS = {
  'broker-url': { type: 'string' },
  branch: { type: 'string' },
  'consumer-version': { type: 'string' },
  contracts: { type: 'string' },
} satisfies ParseArgsConfig['options'];

export const pactCommand: CliCommand = {
  name: 'pact',
  summary: 'Verify the Pact contracts (local or from a Pact Broker), publish them, can-i-deploy, provider contracts',
  usage,
  async run(args, io) {
    const [subcommand, ...rest] = args;
    // The Pact core reports usage to its makers unless told not to; the harness never phones home.
    process.env['PACT_DO_NOT_TRACK'] ??= 'true';
    if (subcommand === 'verify') return verify(rest, io);
    if (subcommand === 'publish') return publish(rest, io);
    if (subcommand === 'can-i-deploy') return canIDeploy(rest, io);
    if (subcommand === 'record-deployment') return recordDeployment(rest, io);
    if (subcommand === 'publish-provider-contract') return publishProviderContract(rest, io);
    const commands = 'verify, publish, can-i-deploy, record-deployment or publish-provider-contract';
    throw new UsageError(
      subcommand === undefined
        ? `say what to do: pact ${commands}`
        : `unknown pact command '${subcommand}' (known: ${commands})`,
    );
  },
};

function httpUrl(flag: string, value: string): string {
  const url = URL.canParse(value) ? new URL(value) : undefined;
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new UsageError(`${flag} must be an http(s) URL, got '${value}'`, flag);
  }
  return value.replace(/\/+$/, '');
}

function nonEmpty(values: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(values)) {
    if (value === '') throw new UsageError(`--${name} must not be empty`, `--${name}`);
  }
}

function contractFiles(flag: string | undefined, packageRoot: string): { dir: string; files: PactFile[] } {
  const dir = flag !== undefined ? resolve(flag) : join(packageRoot, 'contracts');
  try {
    return { dir, files: listPactFiles(dir) };
  } catch (error) {
    if (flag === undefined) throw error;
    throw new UsageError(`--contracts: ${(error as Error).message}`, '--contracts');
  }
}

function targetSpec(values: {
  target?: string | undefined;
  fault?: string | undefined;
  choices?: string | undefined;
  choice?: string[] | undefined;
}): TargetSpec {
  const { target, fault } = values;
  if (fault !== undefined && !FAULTS.some((f) => f.name === fault)) {
    throw new UsageError(`--fault ${fault}: no such fault (known: ${FAULTS.map((f) => f.name).join(', ')})`, '--fault');
  }
  const choices = choicesFlags(values.choices, values.choice, CHOICE_NAMES);
  if (target === undefined || target === 'embedded') {
    return {
      kind: 'embedded',
      ...(fault !== undefined ? { fault } : {}),
      ...(choices !== undefined ? { choices } : {}),
    };
  }
  if (fault !== undefined)
    throw new UsageError('--fault applies only to the embedded target (leave out --target)', '--fault');
  if (choices !== undefined) {
    const flag = values.choice !== undefined ? '--choice' : '--choices';
    throw new UsageError(`${flag} applies only to the embedded target (leave out --target)`, flag);
  }
  return { kind: 'url', url: httpUrl('--target', target) };
}

/** ` (fault X)`, ` (choices a, b)`: what the embedded reference runs with, for the first line. */
function targetNote(target: { fault?: string; choices?: readonly string[] }): string {
  const notes = [
    ...(target.fault ? [`fault ${target.fault}`] : []),
    ...(target.choices && target.choices.length > 0 ? [`choices ${target.choices.join(', ')}`] : []),
  ];
  return notes.length > 0 ? ` (${notes.join('; ')})` : '';
}

async function verify(args: readonly string[], io: CliIO): Promise<number> {
  refuseSecretFlags(args);
  const values = parseStrictArgs(args, VERIFY_FLAGS);
  nonEmpty(values);
  const spec = targetSpec(values);
  const stateUrl = values['state-url'] !== undefined ? httpUrl('--state-url', values['state-url']) : undefined;
  const timeoutMs =
    values.timeout !== undefined ? integerFlag('--timeout', values.timeout, 100, 600_000) : DEFAULT_TIMEOUT_MS;
  const packageRoot = findPackageRoot();
  const { dir, files } = contractFiles(values.contracts, packageRoot);
  const broker = brokerSourceOf(
    values,
    { provider: files[0]?.provider ?? PACT_PROVIDER, cwd: process.cwd() },
    io.stderr,
  );
  const consumers = values.consumer
    .flatMap((c) => c.split(','))
    .map((c) => c.trim())
    .filter((c) => c !== '');
  const brokerConsumers = broker ? tokenRules(consumers) : [];
  const unknown = broker ? [] : consumers.filter((c) => !files.some((f) => f.consumer === c));
  if (unknown.length > 0) {
    const known = files.map((f) => f.consumer).join(', ');
    throw new UsageError(`--consumer ${unknown.join(', ')}: no contract for it (known: ${known})`, '--consumer');
  }
  const target = await openTarget({ spec, ...(stateUrl ? { stateUrl } : {}), timeoutMs, packageRoot });
  try {
    const down = spec.kind === 'url' ? await probeReachable(target.baseUrl, timeoutMs) : null;
    const problems = [...target.problems, ...(down ? [down] : [])];
    if (!target.stateUrl && !down) {
      problems.push(
        `pact verify needs the target's state hook: ${target.stateUnavailableReason ?? 'none'} (pass --state-url)`,
      );
    }
    if (problems.length > 0 || !target.stateUrl) {
      for (const problem of problems) io.stderr(`cis-conformance pact verify: ${problem}`);
      return 2;
    }
    const common = {
      baseUrl: target.baseUrl,
      stateUrl: target.stateUrl,
      minter: await createMinter({ packageRoot }),
      catalog: loadCatalog(packageRoot),
      strict: values.strict,
      timeoutMs,
    };
    if (broker) {
      io.stdout(brokerHeader(broker, brokerConsumers, `${target.label}${targetNote(target)}`));
      const result = await verifyFromBroker({ ...common, broker, consumers: brokerConsumers, localContracts: files });
      printVerification(result, io);
      return brokerExitCode(result, broker, brokerConsumers, io);
    }
    const selected = consumers.length > 0 ? files.filter((f) => consumers.includes(f.consumer)) : files;
    const count = selected.reduce((n, f) => n + f.interactions.length, 0);
    io.stdout(
      `verifying ${count} interactions of ${selected.map((f) => f.consumer).join(', ')} against ${target.label}${targetNote(target)}`,
    );
    // Pact's Verifier adds the broker of PACT_BROKER_BASE_URL to any run that names a provider: local mode
    // verifies the local files only.
    const result = await withoutBrokerEnvironment(() => verifyContracts({ ...common, contractsDir: dir, consumers }));
    printVerification(result, io);
    return exitCode(result);
  } finally {
    await target.close();
  }
}

/** The consumers of the token table to verify from a broker: those named, or all. */
function tokenRules(names: readonly string[]): PactConsumer[] {
  const all = Object.values(PACT_CONSUMERS);
  if (names.length === 0) return all;
  const unknown = names.filter((n) => !consumerByName(n));
  if (unknown.length > 0) {
    const known = all.map((c) => c.name).join(', ');
    throw new UsageError(`--consumer ${unknown.join(', ')}: no token rule for it (known: ${known})`, '--consumer');
  }
  return all.filter((c) => names.includes(c.name));
}

async function withoutBrokerEnvironment<T>(work: () => Promise<T>): Promise<T> {
  const saved = process.env['PACT_BROKER_BASE_URL'];
  delete process.env['PACT_BROKER_BASE_URL'];
  try {
    return await work();
  } finally {
    if (saved !== undefined) process.env['PACT_BROKER_BASE_URL'] = saved;
  }
}

function brokerHeader(broker: BrokerSource, consumers: readonly PactConsumer[], against: string): string {
  const flags = [
    `selectors ${JSON.stringify(broker.consumerVersionSelectors)}`,
    ...(broker.enablePending ? ['pending pacts enabled'] : []),
    ...(broker.includeWipPactsSince ? [`WIP pacts since ${broker.includeWipPactsSince}`] : []),
  ];
  const provider = `${broker.provider} version ${broker.providerVersion}${broker.providerBranch ? ` on branch ${broker.providerBranch}` : ''}`;
  return [
    `verifying the pacts of ${consumers.map((c) => c.name).join(', ')} from ${broker.brokerUrl} (${flags.join('; ')}) against ${against}`,
    `provider ${provider}; verification results ${broker.publish ? 'are published' : 'are not published (add --publish-verification-results)'}`,
  ].join('\n');
}

/** Failed (not pending) → 1; not verified (not pending) → 2; otherwise 0. */
function exitCode(result: VerificationResult): number {
  const counted = result.interactions.filter((i) => !i.pending);
  if (counted.some((i) => i.verdict === 'failed')) return 1;
  return counted.some((i) => i.verdict === 'error') ? 2 : 0;
}

function brokerExitCode(
  result: VerificationResult,
  broker: BrokerSource,
  consumers: readonly PactConsumer[],
  io: CliIO,
): number {
  for (const consumer of consumers) {
    const own = result.interactions.filter((i) => i.consumer === consumer.name);
    if (own.length === 0) io.stdout(`note: the broker gave no pact of ${consumer.name} for these selectors`);
    const harness = own.every((i) => i.verdict !== 'failed' && i.verdict !== 'error');
    const run = result.runs.find((r) => r.consumer === consumer.name);
    if (broker.publish && own.length > 0 && run) {
      const pending = own.some((i) => i.pending) ? ' (pending: does not fail the run)' : '';
      io.stdout(`published: ${consumer.name} success ${run.passed}${pending}`);
      if (run.passed !== harness) {
        io.stderr(
          `warning: the result published for ${consumer.name} (success ${run.passed}) differs from the harness's verdict (${harness ? 'passed' : 'failed'})`,
        );
      }
    }
  }
  const pendingFailures = result.interactions.filter((i) => i.pending && i.verdict !== 'passed');
  if (pendingFailures.length > 0) {
    io.stderr(
      `warning: ${pendingFailures.length} interactions of pending pacts failed; a pending pact never fails the run (docs.pact.io/pending)`,
    );
  }
  if (result.interactions.length === 0) {
    io.stderr(`cis-conformance pact verify: the broker selected no pacts for ${broker.provider}: nothing was verified`);
    return 2;
  }
  return exitCode(result);
}

const MARKS: Readonly<Record<JudgedInteraction['verdict'], string>> = {
  passed: '✓',
  failed: '✗',
  warning: '!',
  observed: '○',
  error: '?',
};

/** `warning (inferred CLIENTS-CREATE-409-DUPLICATE-NAME)`: what a broken interaction cost, and why. */
function costOf(i: JudgedInteraction): string {
  if (i.verdict === 'error') return 'not verified';
  const by = i.judgedBy ? `${i.judgedBy.evidence} ${i.judgedBy.id}` : 'names no requirement: judged as documented';
  return `${i.verdict} (${by})`;
}

function printVerification(result: VerificationResult, io: CliIO): void {
  io.stdout('');
  for (const i of result.interactions) {
    const pending = i.pending && i.verdict !== 'passed';
    io.stdout(`${pending ? '!' : MARKS[i.verdict]} ${i.consumer}  ${i.description}${pending ? '  [pending]' : ''}`);
    if (i.verdict !== 'passed') {
      const cost = pending ? `pending, so a warning: ${costOf(i)}` : costOf(i);
      io.stdout(`    ${cost}${i.mismatch ? `: ${i.mismatch}` : ''}`);
    }
  }
  for (const problem of result.teardownProblems) io.stdout(`note: a state teardown failed: ${problem}`);
  const count = (verdict: JudgedInteraction['verdict']) =>
    result.interactions.filter((i) => i.verdict === verdict).length;
  const times = result.runs.map((r) => `${r.consumer} ${(r.durationMs / 1000).toFixed(1)} s`).join(', ');
  const parts = [`${count('passed')} passed`, `${count('failed')} failed`, `${count('warning')} warnings`];
  if (count('observed') > 0) parts.push(`${count('observed')} observed`);
  if (count('error') > 0) parts.push(`${count('error')} not verified`);
  const pending = result.interactions.filter((i) => i.pending && i.verdict !== 'passed').length;
  if (pending > 0) parts.push(`${pending} of them pending`);
  io.stdout('');
  io.stdout(`${result.interactions.length} interactions: ${parts.join(', ')} (${times})`);
}

function fromGit(flag: string, read: () => string): string {
  try {
    return read();
  } catch (error) {
    const why = error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error);
    throw new UsageError(`${flag} is needed: cannot read it from git (${why})`, flag);
  }
}

async function publish(args: readonly string[], io: CliIO): Promise<number> {
  refuseSecretFlags(args);
  const values = parseStrictArgs(args, PUBLISH_FLAGS);
  nonEmpty(values);
  const url = brokerUrl(values['broker-url'], true) as string;
  const auth = brokerAuth();
  const { dir, files } = contractFiles(values.contracts, findPackageRoot());
  const consumerVersion = values['consumer-version'] ?? fromGit('--consumer-version', () => gitCommit(dir));
  const branch = values.branch ?? fromGit('--branch', () => gitBranch(dir));
  if (values['consumer-version'] === undefined && gitChanges(dir, dir).length > 0) {
    io.stderr(`warning: ${dir} has uncommitted changes, which version ${consumerVersion} does not describe`);
  }
  const names = files.map((f) => f.consumer).join(', ');
  io.stdout(`publishing ${files.length} pacts (${names}) as version ${consumerVersion} on branch ${branch} to ${url}`);
  const result = await publishContracts({
    brokerUrl: url,
    auth,
    consumerVersion,
    branch,
    contractsDir: dir,
    onOutput: (stream, text) => (stream === 'stdout' ? io.stdout : io.stderr)(text.replace(/\n$/, '')),
  });
  if (result.exitCode !== 0) {
    io.stderr(`cis-conformance pact publish: the Pact CLI failed (exit ${result.exitCode})`);
    return 1;
  }
  return 0;
}
