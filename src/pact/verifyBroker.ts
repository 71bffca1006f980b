/**
 * Provider verification of the pacts a Pact Broker selects, with Pact's own Verifier (no broker client of the
 * harness's own): the Verifier asks `pb:provider-pacts-for-verification` with the consumer-version selectors, the
 * pending and WIP flags and the provider branch, verifies each pact and, when asked, publishes one verification
 * result per pact with the provider version and branch.
 *
 * One Verifier run per consumer of the token table (consumers.ts, `consumerFilters`), because each consumer's
 * requests carry its own kind of token and a request does not say whose pact it comes from. A pact from a
 * consumer the table does not know is not verified (and gets no result); `pact verify` says so.
 *
 * Judging: interactions are matched by consumer and description to the local contracts to find the requirements
 * they name (an interaction they lack is judged as documented, as Pact judges it). A pending pact's or a pending
 * interaction's failure keeps its verdict but never fails the run. When results are published, the harness's
 * verdict on a pact must equal the published one (CLARIFICATIONS): an interaction Pact found broken counts as
 * failed even where its evidence would only warn, and one that could not be verified is never sent to the target
 * (verifyTokens.ts), so Pact fails it too.
 */
import { randomBytes } from 'node:crypto';
import { createHttpClient } from '../http/index.js';
import type { BrokerAuth } from './brokerCredentials.js';
import { PROVIDER_STATES, type PactConsumer } from './consumers.js';
import { stateValuesUsed, type PactFile } from './pactFiles.js';
import {
  runVerifier,
  withSessionProblems,
  type PactRun,
  type VerificationResult,
  type VerifyContractsOptions,
} from './verify.js';
import {
  interactionVerdicts,
  judgeInteraction,
  type JudgedInteraction,
  type VerifierOutcome,
} from './verifyResults.js';

/** One consumer-version selector (docs.pact.io/pact_broker/advanced_topics/consumer_version_selectors). */
export type ConsumerVersionSelector = Readonly<Record<string, string | boolean>>;

export interface BrokerSource {
  readonly brokerUrl: string;
  readonly auth: BrokerAuth;
  readonly provider: string;
  readonly consumerVersionSelectors: readonly ConsumerVersionSelector[];
  readonly enablePending: boolean;
  readonly includeWipPactsSince?: string;
  readonly providerVersion: string;
  readonly providerBranch?: string;
  readonly publish: boolean;
}

export interface VerifyBrokerOptions extends Omit<VerifyContractsOptions, 'contractsDir' | 'consumers'> {
  readonly broker: BrokerSource;
  /** The consumers to verify (their token rules). */
  readonly consumers: readonly PactConsumer[];
  /** The local contracts: where the requirements of an interaction are looked up. */
  readonly localContracts: readonly PactFile[];
}

/** The default selectors: the main branch, and what is deployed or released (Pact's recommended set). */
export const DEFAULT_SELECTORS: readonly ConsumerVersionSelector[] = [
  { mainBranch: true },
  { deployedOrReleased: true },
];

/** The Verifier's pact source for one consumer. */
export function brokerVerifierSource(broker: BrokerSource, consumer: string) {
  const auth = broker.auth;
  return {
    provider: broker.provider,
    pactBrokerUrl: broker.brokerUrl,
    ...(auth.kind === 'token' ? { pactBrokerToken: auth.token } : {}),
    ...(auth.kind === 'basic' ? { pactBrokerUsername: auth.username, pactBrokerPassword: auth.password } : {}),
    consumerVersionSelectors: broker.consumerVersionSelectors.map((s) => ({ ...s })),
    enablePending: broker.enablePending,
    ...(broker.includeWipPactsSince !== undefined ? { includeWipPactsSince: broker.includeWipPactsSince } : {}),
    ...(broker.providerBranch !== undefined ? { providerVersionBranch: broker.providerBranch } : {}),
    providerVersion: broker.providerVersion,
    publishVerificationResult: broker.publish,
    consumerFilters: [consumer],
    failIfNoPactsFound: false,
  };
}

/** The pact a report describes: its interactions in the report's order, with the local contract's requirements. */
function pactOfReport(consumer: string, outcome: VerifierOutcome, local: PactFile | undefined): PactFile {
  const value = 'resolved' in outcome ? outcome.resolved : outcome.rejected;
  const text = value instanceof Error ? value.message : typeof value === 'string' ? value : '';
  let results: { description?: unknown }[] = [];
  try {
    const report = JSON.parse(text) as { interactionResults?: unknown };
    if (Array.isArray(report.interactionResults)) results = report.interactionResults as { description?: unknown }[];
  } catch {
    results = [];
  }
  const interactions = results.map((r) => {
    const description = String(r.description ?? '');
    const known = local?.interactions.find((i) => i.description === description);
    return { description, requirements: known?.requirements ?? [], providerStates: [], request: {}, response: {} };
  });
  return { path: '(broker)', consumer, provider: local?.provider ?? '', interactions };
}

/** Why a run that verified nothing for a consumer did so, when the Verifier said why (unreachable broker, 401). */
function failureOf(outcome: VerifierOutcome): string | undefined {
  if (!('rejected' in outcome)) return undefined;
  const error = outcome.rejected;
  const text = error instanceof Error ? error.message : String(error);
  try {
    const report = JSON.parse(text) as { errors?: { interaction?: unknown; mismatch?: { message?: unknown } }[] };
    const first = report.errors?.[0];
    if (first) return `${String(first.interaction ?? 'error')}: ${String(first.mismatch?.message ?? '')}`.trim();
  } catch {
    // a plain message
  }
  return text.split('\n')[0] ?? text;
}

export async function verifyFromBroker(options: VerifyBrokerOptions): Promise<VerificationResult> {
  const http = createHttpClient({ timeoutMs: options.timeoutMs ?? 10_000 });
  const runTag = options.runTag ?? `p${randomBytes(3).toString('hex')}`;
  const interactions: JudgedInteraction[] = [];
  const runs: PactRun[] = [];
  const teardownProblems: string[] = [];
  try {
    for (const [index, consumer] of options.consumers.entries()) {
      const started = Date.now();
      const local = options.localContracts.find((p) => p.consumer === consumer.name);
      const { outcome, session } = await runVerifier(
        consumer,
        {
          states: [
            ...new Set([
              ...Object.values(PROVIDER_STATES),
              ...(local?.interactions ?? []).flatMap((i) => i.providerStates.map((s) => s.name)),
            ]),
          ],
          needsClientName: local ? stateValuesUsed(local).has('client_name') : false,
          source: brokerVerifierSource(options.broker, consumer.name),
        },
        { ...options, runTag: `${runTag}${options.consumers.length > 1 ? index : ''}` },
        http.send,
      );
      const pact = pactOfReport(consumer.name, outcome, local);
      const failure = failureOf(outcome);
      const verdicts =
        pact.interactions.length === 0 && failure !== undefined
          ? [
              {
                consumer: consumer.name,
                description: `the pacts of ${consumer.name} from ${options.broker.brokerUrl}`,
                passed: false,
                mismatch: `the Pact verifier did not verify them: ${failure}`,
                notVerified: true as const,
              },
            ]
          : withSessionProblems(interactionVerdicts(pact, outcome), session);
      interactions.push(
        ...verdicts.map((v, i) => {
          const judged = judgeInteraction(v, pact.interactions[i]?.requirements ?? [], options.catalog, options.strict);
          return options.broker.publish ? asPublished(judged) : judged;
        }),
      );
      teardownProblems.push(...session.teardownProblems.map((p) => `${consumer.name}: ${p}`));
      runs.push({
        consumer: consumer.name,
        file: options.broker.brokerUrl,
        passed: verdicts.every((v) => v.passed),
        durationMs: Date.now() - started,
      });
    }
  } finally {
    await http.close();
  }
  const passed = interactions.every((i) => i.pending || (i.verdict !== 'failed' && i.verdict !== 'error'));
  return { passed, interactions, runs, teardownProblems };
}

/**
 * With results published, a broken interaction counts as Pact counts it (failed), so the run's verdict equals
 * the result the broker now holds; the line says what its evidence alone would have cost.
 */
function asPublished(judged: JudgedInteraction): JudgedInteraction {
  if (judged.verdict !== 'warning' && judged.verdict !== 'observed') return judged;
  const by = judged.judgedBy ? ` (${judged.judgedBy.evidence} ${judged.judgedBy.id})` : '';
  const note = `published as a failure: Pact counts every mismatch, its evidence alone would make it ${judged.verdict === 'warning' ? 'a warning' : 'an observation'}${by}`;
  return { ...judged, verdict: 'failed', mismatch: [judged.mismatch, note].filter(Boolean).join('; ') };
}
