/**
 * The six verdicts of docs/design.md §1 ("Evidence and verdicts"), worst first. `observed`: the check judged only
 * observation rules (it recorded what the target did and broke nothing) — neither a pass nor a finding.
 */
export const VERDICTS = ['failed', 'error', 'warning', 'skipped', 'observed', 'passed'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** How strongly the docs back a rule. */
export const EVIDENCE_LEVELS = ['documented', 'inferred', 'observation'] as const;
export type Evidence = (typeof EVIDENCE_LEVELS)[number];

/**
 * What breaking a rule of this evidence level costs. `observation` rules never fail: the
 * harness records what the target did (docs/design.md §1), so the caller files an observation instead.
 */
export function violationVerdict(evidence: Evidence, strict: boolean): Verdict {
  if (evidence === 'documented') return 'failed';
  if (evidence === 'inferred') return strict ? 'failed' : 'warning';
  return 'observed';
}

/** The worse of two verdicts (failed > error > warning > skipped > observed > passed). */
export function worstVerdict(a: Verdict, b: Verdict): Verdict {
  return VERDICTS.indexOf(a) <= VERDICTS.indexOf(b) ? a : b;
}
