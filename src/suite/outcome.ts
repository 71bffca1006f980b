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

/**
 * The verdict composition of one check (docs/design.md §1): each broken rule costs what its
 * evidence says; the record's verdict is the worst; a `failed` stops the check; observation rules never fail
 * but leave an Observation of what the target did — met or not, since learning it is their point.
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

  constructor(
    private readonly strict: boolean,
    private readonly checkId: string,
  ) {}

  get verdict(): Verdict {
    return this.current;
  }

  /** "observed X, expected Y" for failures and warnings; the reason for skips and errors. */
  get message(): string {
    if (this.reason !== undefined && (this.current === 'skipped' || this.current === 'error')) return this.reason;
    return this.findings.join('; ');
  }

  met(rule: RuleRef, expectation: Expectation): void {
    this.expectations++;
    this.judged.add(rule.id);
    if (rule.evidence === 'observation')
      this.addObservation(rule, `expected ${expectation.expected}`, expectation.observed);
  }

  /** Records a broken rule; throws CheckStopped when it makes the check fail. */
  violated(rule: RuleRef, expectation: Expectation): void {
    this.expectations++;
    this.judged.add(rule.id);
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
