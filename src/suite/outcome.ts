import type { Observation } from '../model/checkRecord.js';
import { violationVerdict, worstVerdict, type Evidence, type Verdict } from '../model/verdict.js';
import { CheckStopped } from '../model/checkSignals.js';

/** What an expectation needs to know about the rule it enforces. */
export interface RuleRef {
  readonly id: string;
  readonly operation: string;
  readonly evidence: Evidence;
}

export interface Expectation {
  readonly expected: string;
  readonly observed: string;
}

/** How much of an observed value a check's `observed` message keeps (the whole value is in `observations[]`). */
const OBSERVED_EXCERPT = 160;

/**
 * The verdict composition of one check (docs/design.md §1): each broken rule costs what its
 * evidence says; the record's verdict is the worst; a `failed` stops the check; observation rules never fail
 * but leave an Observation of what the target did — met or not, since learning it is their point. A check that
 * judged nothing but observation rules and broke nothing is `observed`, not `passed`: it proved no rule holds.
 */
export class CheckOutcome {
  private current: Verdict = 'passed';
  private readonly findings: string[] = [];
  private reason: string | undefined;
  readonly observations: Observation[] = [];
  /** Expectations judged and observations made; a check with none proves nothing. */
  expectations = 0;
  /** The requirement ids whose rules were judged (met, violated or observed): the check's coverage. */
  readonly judged = new Set<string>();
  /** Judgements of documented or inferred rules: without one, a clean check is `observed`. */
  private ruleJudgements = 0;

  constructor(
    private readonly strict: boolean,
    private readonly checkId: string,
  ) {}

  get verdict(): Verdict {
    if (this.current === 'passed' && this.ruleJudgements === 0 && this.observations.length > 0) return 'observed';
    return this.current;
  }

  /** "observed X, expected Y" for failures and warnings; the reason for skips and errors; what was observed. */
  get message(): string {
    if (this.reason !== undefined && (this.current === 'skipped' || this.current === 'error')) return this.reason;
    if (this.verdict === 'observed') return this.observedSummary();
    return this.findings.join('; ');
  }

  met(rule: RuleRef, expectation: Expectation): void {
    this.expectations++;
    this.judged.add(rule.id);
    if (rule.evidence !== 'observation') this.ruleJudgements++;
    if (rule.evidence === 'observation')
      this.addObservation(rule, `expected ${expectation.expected}`, expectation.observed);
  }

  /** Records a broken rule; throws CheckStopped when it makes the check fail. */
  violated(rule: RuleRef, expectation: Expectation): void {
    this.expectations++;
    this.judged.add(rule.id);
    if (rule.evidence !== 'observation') this.ruleJudgements++;
    const cost = violationVerdict(rule.evidence, this.strict);
    if (cost === 'observed') {
      this.addObservation(rule, `expected ${expectation.expected}`, expectation.observed);
      return;
    }
    const finding = `observed ${expectation.observed}, expected ${expectation.expected}`;
    const line =
      rule.evidence === 'documented' ? `${rule.id}: ${finding}` : `${rule.id} (${rule.evidence}): ${finding}`;
    // A rule broken the same way twice (a loop, a property's retries) is one finding.
    if (!this.findings.includes(line)) this.findings.push(line);
    this.current = worstVerdict(this.current, cost);
    if (cost === 'failed') throw new CheckStopped(this.message);
  }

  addObservation(rule: Pick<RuleRef, 'id' | 'operation'>, question: string, observed: string): void {
    this.expectations++;
    this.judged.add(rule.id);
    this.observations.push({
      requirement: rule.id,
      operation: rule.operation,
      question,
      observed,
      checkId: this.checkId,
    });
  }

  /** `REQUIREMENT: observed; …`, each value cut in the middle: the reports' one-line account of an observed check. */
  private observedSummary(): string {
    return this.observations
      .map(({ requirement, observed }) => {
        const value =
          observed.length > OBSERVED_EXCERPT
            ? `${observed.slice(0, OBSERVED_EXCERPT - 40)} … ${observed.slice(-39)}`
            : observed;
        return `${requirement}: ${value}`;
      })
      .join('; ');
  }

  skipped(reason: string): void {
    this.end('skipped', reason);
  }

  errored(reason: string): void {
    this.end('error', reason);
  }

  private end(verdict: 'skipped' | 'error', reason: string): void {
    const next = worstVerdict(this.current, verdict);
    if (next === verdict) this.reason = reason;
    else this.findings.push(`then ${verdict}: ${reason}`);
    this.current = next;
  }
}
