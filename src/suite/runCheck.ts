import { curlFor, isTargetError, redactText, SecretLedger, withRecording } from '../http/index.js';
import type { Minter } from '../issuer/minter.js';
import { openCheckTransport } from '../live/checkTransport.js';
import type { CheckRecord, Observation } from '../model/checkRecord.js';
import type { RequirementCatalog } from '../model/requirement.js';
import { createCheckContext } from './context.js';
import type { SchemaValidator } from './expect.js';
import { createFixtures, type StateHookCall } from './fixtures.js';
import { checkRecordId } from './naming.js';
import { CheckOutcome, type RuleRef } from './outcome.js';
import { reproductionCommand } from './reproduction.js';
import { CheckCouldNotRun, CheckSkipped, CheckStopped, findSignal } from '../model/checkSignals.js';
import type { CheckBody, CheckMeta, SuiteRunConfig } from './types.js';
import { boundCurl } from './exchangeBudget.js';
import { ExchangeCollector } from './exchangeCollector.js';
import { watchTarget } from './targetWatch.js';

/** What a worker loads once and every check of it shares (read-only). */
export interface CheckServices {
  readonly config: SuiteRunConfig;
  readonly catalog: RequirementCatalog;
  readonly schemas: SchemaValidator;
  /** Null when tokens do not come from the local minter. */
  readonly minter: Minter | null;
}

export interface CheckRun {
  readonly record: CheckRecord;
  readonly observations: readonly Observation[];
}

/** Runs one check body and composes its record. Never throws: every problem becomes a verdict. */
export async function runCheck(meta: CheckMeta, body: CheckBody, services: CheckServices): Promise<CheckRun> {
  const { config, catalog } = services;
  const started = performance.now();
  const requirement = catalog.requirements.find((r) => r.id === meta.requirement);
  const family = meta.family ?? requirement?.family ?? 'contract';
  const rule: RuleRef = {
    id: meta.requirement,
    operation: meta.operation ?? requirement?.operation ?? 'unknown',
    evidence: requirement?.evidence ?? 'documented',
  };
  const id = checkRecordId(meta, family);
  const outcome = new CheckOutcome(config.strict, id);
  const ledger = new SecretLedger();
  // Bounded as they arrive (head, ring of the last ones, bodies cut): memory stays flat whatever the body size.
  const exchanges = new ExchangeCollector();
  // Transport policy (retries, budget, rate) and, in live mode, the ownership guard and ledger: src/live.
  const client = openCheckTransport(config, id);
  // Tells the main process whether the target answers, and ends the check once the run is stopped.
  const transportSend = watchTarget(config.watchDir, config.requestTimeoutMs, client.send);
  const send = withRecording(transportSend, (exchange) => exchanges.add(exchange), ledger);
  // Set-ups belong to the check's story and are recorded; teardowns happen after it and would only bury
  // the last request of the check (the one the curl line reproduces).
  const hook: StateHookCall | null = config.stateUrl
    ? (hookBody) =>
        (hookBody.action === 'teardown' ? client.send : send)({
          method: 'POST',
          url: config.stateUrl as string,
          headers: { 'content-type': 'application/json', accept: 'application/json' },
          body: JSON.stringify(hookBody),
        })
    : null;
  const fixtures = createFixtures(config, id, hook);
  let replayPath: string | undefined;

  try {
    if (config.unreachableReason !== undefined) throw new CheckCouldNotRun(config.unreachableReason);
    if (!requirement)
      throw new CheckCouldNotRun(`requirement '${meta.requirement}' is not in the catalog (schemas/requirements.json)`);
    if (meta.needsStateHook && !config.stateUrl) {
      throw new CheckSkipped(`needs the state hook, and ${config.stateUnavailableReason ?? 'the target has none'}`);
    }
    const context = createCheckContext({
      config,
      rule,
      outcome,
      send,
      fixtures,
      minter: services.minter,
      schemas: services.schemas,
      requirementOf: (other) => catalog.requirements.find((r) => r.id === other),
      onReplayPath: (path) => (replayPath = path),
    });
    await body(context);
    if (outcome.verdict === 'passed' && outcome.expectations === 0) {
      outcome.errored('the check made no expectation and recorded no observation (a suite bug: it proves nothing)');
    }
  } catch (error) {
    settle(outcome, error);
  } finally {
    await fixtures.teardown();
    await client.close();
  }

  const lastRequest = exchanges.lastRequest;
  const kept = exchanges.result();
  const record: CheckRecord = {
    id,
    requirement: meta.requirement,
    covers: [...outcome.judged].sort(),
    operation: rule.operation,
    family,
    title: meta.title,
    verdict: outcome.verdict,
    evidence: rule.evidence,
    message: redactText(outcome.message, ledger),
    reproduction: {
      seed: config.seed,
      command: reproductionCommand(config, meta.requirement, replayPath),
      ...(lastRequest ? { curl: boundCurl(curlFor(lastRequest)) } : {}),
      ...(replayPath !== undefined ? { path: replayPath } : {}),
    },
    exchanges: kept.exchanges,
    ...(kept.omitted > 0 ? { exchangesOmitted: kept.omitted } : {}),
    durationMs: Math.round(performance.now() - started),
    ...(meta.cell !== undefined ? { cell: meta.cell } : {}),
  };
  const observations = outcome.observations.map((o) => ({ ...o, observed: redactText(o.observed, ledger) }));
  return { record, observations };
}

function settle(outcome: CheckOutcome, error: unknown): void {
  if (findSignal(error, CheckStopped)) return; // the verdict is already `failed`
  const skipped = findSignal(error, CheckSkipped);
  if (skipped) return outcome.skipped(skipped.reason);
  const couldNotRun = findSignal(error, CheckCouldNotRun);
  if (couldNotRun) return outcome.errored(couldNotRun.reason);
  const transport = causeChain(error).find(isTargetError);
  if (transport) return outcome.errored(`target error (${transport.kind}): ${transport.message}`);
  const crash = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  outcome.errored(`check crashed: ${crash}`);
}

function causeChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let current = error, depth = 0; current !== undefined && depth < 8; depth++) {
    chain.push(current);
    current = current instanceof Error ? (current as { cause?: unknown }).cause : undefined;
  }
  return chain;
}
