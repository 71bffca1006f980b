/**
 * What a Pact interaction says about the catalog: the requirement ids it encodes, kept in the interaction's
 * `comments` under `requirements` (space-separated), and how strongly the docs back it. The consumer tests write
 * the comment (test/pact/support/consumerContract.ts); the pact suite and `pact verify` read it, so a broken
 * interaction costs what its requirements' evidence says (docs/guides/pact.md "Verdicts").
 */
import { EVIDENCE_LEVELS, type Evidence } from './verdict.js';

/** The key of the interaction comment that names its requirements. */
export const PACT_REQUIREMENTS_COMMENT = 'requirements';

/** The requirement ids an interaction names in `comments.requirements`; empty when it names none. */
export function requirementsOfInteraction(interaction: unknown): string[] {
  const comments =
    typeof interaction === 'object' && interaction !== null
      ? (interaction as { comments?: unknown }).comments
      : undefined;
  const value =
    typeof comments === 'object' && comments !== null
      ? (comments as Record<string, unknown>)[PACT_REQUIREMENTS_COMMENT]
      : undefined;
  return typeof value === 'string' ? value.split(/\s+/).filter((id) => id !== '') : [];
}

/**
 * The requirement an interaction is judged by: the one of weakest evidence among those it names (documented is
 * the strongest, observation the weakest). An interaction is only as certain as its least certain premise: one
 * that rests on an inferred behaviour may break because that inference is wrong, so breaking it is a warning.
 */
export function weakestRequirement<T extends { readonly evidence: Evidence }>(requirements: readonly T[]): T {
  const [first, ...rest] = requirements;
  if (!first) throw new Error('an interaction must name at least one requirement');
  return rest.reduce(
    (weakest, r) => (EVIDENCE_LEVELS.indexOf(r.evidence) > EVIDENCE_LEVELS.indexOf(weakest.evidence) ? r : weakest),
    first,
  );
}
