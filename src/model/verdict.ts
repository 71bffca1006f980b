/** The five verdicts of docs/design.md §1 ("Evidence and verdicts"), worst first. */
export const VERDICTS = ['failed', 'error', 'warning', 'skipped', 'passed'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** How strongly the docs back a rule. */
export const EVIDENCE_LEVELS = ['documented', 'inferred', 'observation'] as const;
export type Evidence = (typeof EVIDENCE_LEVELS)[number];

/**
 * What breaking a rule of this evidence level costs. `observation` rules never fail: the
 * harness records what the target did (docs/design.md §1), so the caller files an observation instead.
 */
export function violationVerdict(evidence: Evidence, strict: boolean): Verdict | 'observed' {
  if (evidence === 'documented') return 'failed';
  if (evidence === 'inferred') return strict ? 'failed' : 'warning';
  return 'observed';
}

/** The worse of two verdicts (failed > error > warning > skipped > passed). */
export function worstVerdict(a: Verdict, b: Verdict): Verdict {
  return VERDICTS.indexOf(a) <= VERDICTS.indexOf(b) ? a : b;
}
