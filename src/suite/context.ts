import { toHttpRequest, type Send } from '../http/index.js';
import type { Minter } from '../issuer/minter.js';
import type { Requirement } from '../model/requirement.js';
import { createExpect, type SchemaValidator } from './expect.js';
import type { FixturesHandle } from './fixtures.js';
import type { CheckOutcome, RuleRef } from './outcome.js';
import { CheckSkipped } from '../model/checkSignals.js';
import { createCheckTokens } from './tokens.js';
import type { CheckContext, ExpectOptions, SuiteRunConfig } from './types.js';

export interface ContextParts {
  readonly config: SuiteRunConfig;
  readonly rule: RuleRef;
  /** Looks up another requirement for `options.requirement`; unknown ids are a suite bug and throw. */
  readonly requirementOf: (id: string) => Requirement | undefined;
  readonly outcome: CheckOutcome;
  readonly schemas: SchemaValidator;
  readonly minter: Minter | null;
  readonly send: Send;
  readonly fixtures: FixturesHandle;
  readonly onReplayPath: (path: string) => void;
}

/** The CheckContext handed to a check body: every capability goes through the recorded, redacting `send`. */
export function createCheckContext(parts: ContextParts): CheckContext {
  const { config, rule, outcome } = parts;
  const ruleOf = (options?: ExpectOptions): RuleRef => {
    if (!options?.requirement || options.requirement === rule.id) return rule;
    const other = parts.requirementOf(options.requirement);
    if (!other) throw new Error(`expectation names requirement '${options.requirement}', which is not in the catalog`);
    return other;
  };
  return {
    config,
    evidence: rule.evidence,
    seed: config.seed,
    runs: config.runs,
    send: async (request) => parts.send(toHttpRequest(config.baseUrl, request)),
    tokens: createCheckTokens(config, parts.minter),
    fixtures: parts.fixtures.fixtures,
    expect: createExpect(outcome, ruleOf, parts.schemas),
    observe: (detail) => outcome.addObservation(ruleOf(detail), detail.question, detail.observed),
    skip: (reason) => {
      throw new CheckSkipped(reason);
    },
    setReplayPath: parts.onReplayPath,
  };
}
