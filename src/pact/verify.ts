/**
 * Pact provider verification of any target: the committed contracts, replayed by Pact's own verifier against
 * `baseUrl`, with provider states driven through the target's state hook and real tokens from the issuer.
 * One Verifier run per pact file, so each consumer gets its own request filter (its own kind of token).
 */
import { randomBytes } from 'node:crypto';
import { Verifier, type VerifierOptions } from '@pact-foundation/pact';
import { createHttpClient, type Send } from '../http/index.js';
import type { Minter } from '../issuer/minter.js';
import type { RequirementCatalog } from '../model/requirement.js';
import { PACT_CONSUMERS, PACT_PROVIDER, type PactConsumer } from './consumers.js';
import { listPactFiles, selectPactFiles, stateValuesUsed, type PactFile } from './pactFiles.js';
import {
  interactionVerdicts,
  judgeInteraction,
  type InteractionVerdict,
  type JudgedInteraction,
  type VerifierOutcome,
} from './verifyResults.js';
import { createStateSession, type StateSession } from './verifyStates.js';
import { defaultClientName, tokenFilter } from './verifyTokens.js';

export type { InteractionJudgement, InteractionVerdict, JudgedInteraction } from './verifyResults.js';

export interface VerifyContractsOptions {
  /** The prefix before `/v1/...`; a path such as `/cis` is kept (Pact's proxy joins it with each request path). */
  readonly baseUrl: string;
  /** The target's provider-state hook. */
  readonly stateUrl: string;
  readonly minter: Minter;
  /** The requirement catalog: a broken interaction costs what the evidence of its requirements says. */
  readonly catalog: RequirementCatalog;
  /** Inferred requirements fail instead of warning (as `run --strict`). */
  readonly strict?: boolean;
  /** Folder of `*.json` pact files (the package's `contracts/`). */
  readonly contractsDir: string;
  /** Only these consumers (by pacticipant name); all when absent or empty. */
  readonly consumers?: readonly string[];
  readonly logLevel?: VerifierOptions['logLevel'];
  /** Per-request time-out of the verifier and the state hook calls. Default 10 s. */
  readonly timeoutMs?: number;
  /** Per-run part of every id the states create. Default: random. */
  readonly runTag?: string;
}

export interface PactRun {
  readonly consumer: string;
  readonly file: string;
  /** Pact's own verdict on the file: every interaction matched (what a published verification result says). */
  readonly passed: boolean;
  readonly durationMs: number;
}

export interface VerificationResult {
  /** No interaction failed or went unverified (warnings and observations allowed). */
  readonly passed: boolean;
  /** One per interaction of every verified pact file, in file order, judged by evidence. */
  readonly interactions: readonly JudgedInteraction[];
  readonly runs: readonly PactRun[];
  /** State teardowns that failed: worth knowing, never a verdict. */
  readonly teardownProblems: readonly string[];
}

const DEFAULT_TIMEOUT_MS = 10_000;

export async function verifyContracts(options: VerifyContractsOptions): Promise<VerificationResult> {
  const files = selectPactFiles(listPactFiles(options.contractsDir), options.consumers);
  const http = createHttpClient({ timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS });
  const runTag = options.runTag ?? `p${randomBytes(3).toString('hex')}`;
  const interactions: JudgedInteraction[] = [];
  const runs: PactRun[] = [];
  const teardownProblems: string[] = [];
  try {
    for (const pact of files) {
      const started = Date.now();
      const run = await verifyPactFile(
        pact,
        { ...options, runTag: `${runTag}${files.length > 1 ? runs.length : ''}` },
        http.send,
      );
      interactions.push(
        ...run.verdicts.map((v, i) =>
          judgeInteraction(v, pact.interactions[i]?.requirements ?? [], options.catalog, options.strict),
        ),
      );
      teardownProblems.push(...run.teardownProblems.map((p) => `${pact.consumer}: ${p}`));
      const passed = run.verdicts.every((v) => v.passed);
      runs.push({ consumer: pact.consumer, file: pact.path, passed, durationMs: Date.now() - started });
    }
  } finally {
    await http.close();
  }
  const passed = interactions.every((i) => i.pending || (i.verdict !== 'failed' && i.verdict !== 'error'));
  return { passed, interactions, runs, teardownProblems };
}

/** The consumer's entry of the token table (src/pact/consumers.ts), by pacticipant name. */
export function consumerByName(name: string): PactConsumer | undefined {
  return Object.values(PACT_CONSUMERS).find((c) => c.name === name);
}

async function verifyPactFile(
  pact: PactFile,
  options: VerifyContractsOptions & { readonly runTag: string },
  send: Send,
): Promise<{ verdicts: InteractionVerdict[]; teardownProblems: readonly string[] }> {
  const consumer = consumerByName(pact.consumer);
  if (!consumer) {
    const mismatch = `no token rule for consumer ${pact.consumer} (src/pact/consumers.ts knows ${Object.values(
      PACT_CONSUMERS,
    )
      .map((c) => c.name)
      .join(', ')})`;
    const verdicts = pact.interactions.map((i) => ({
      consumer: pact.consumer,
      description: i.description,
      passed: false,
      mismatch,
    }));
    return { verdicts, teardownProblems: [] };
  }
  const { outcome, session } = await runVerifier(
    consumer,
    {
      states: pact.interactions.flatMap((i) => i.providerStates.map((s) => s.name)),
      needsClientName: stateValuesUsed(pact).has('client_name'),
      source: { pactUrls: [pact.path] },
    },
    options,
    send,
  );
  return {
    verdicts: withSessionProblems(interactionVerdicts(pact, outcome), session),
    teardownProblems: session.teardownProblems,
  };
}

/** What the verifier reads and where the states come from, for one Verifier run of one consumer. */
export interface VerifierRunSource {
  /** The state names the pacts use (each gets a handler that forwards it to the state hook). */
  readonly states: readonly string[];
  /** A request takes `${client_name}`: read the app's default client after `an app exists`. */
  readonly needsClientName: boolean;
  /** The Verifier's pact source: local files, or a broker with its selectors and publishing options. */
  readonly source: Partial<VerifierOptions>;
}

/**
 * One run of Pact's Verifier for one consumer: its states through the hook, its kind of token on every request.
 * Resolves with the Verifier's outcome (never rejects on a contract failure) and the state session.
 */
export async function runVerifier(
  consumer: PactConsumer,
  run: VerifierRunSource,
  options: Omit<VerifyContractsOptions, 'contractsDir' | 'consumers'> & { readonly runTag: string },
  send: Send,
): Promise<{ outcome: VerifierOutcome; session: StateSession }> {
  const session = createStateSession({
    stateUrl: options.stateUrl,
    send,
    runTag: options.runTag,
    states: run.states,
    ...(run.needsClientName ? { afterAppSetup: (values) => defaultClientName(values, options, send) } : {}),
  });
  const verifier = new Verifier({
    provider: PACT_PROVIDER,
    ...run.source,
    providerBaseUrl: options.baseUrl.replace(/\/+$/, ''),
    stateHandlers: session.handlers as VerifierOptions['stateHandlers'],
    beforeEach: session.startInteraction,
    requestFilter: tokenFilter(consumer, session, options.minter),
    logLevel: options.logLevel ?? 'warn',
    timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  });
  let outcome: VerifierOutcome;
  try {
    outcome = { resolved: await verifier.verifyProvider() };
  } catch (error) {
    outcome = { rejected: error };
  }
  return { outcome, session };
}

/** The verdicts with the problems the session recorded (a state not set up, no token): those were not verified. */
export function withSessionProblems(verdicts: InteractionVerdict[], session: StateSession): InteractionVerdict[] {
  return verdicts.map((verdict, index) => {
    const problems = session.problems.get(index);
    if (!problems) return verdict;
    const mismatch = [...problems, ...(verdict.mismatch ? [verdict.mismatch] : [])].join('; ');
    return { ...verdict, passed: false, mismatch, notVerified: true as const };
  });
}
