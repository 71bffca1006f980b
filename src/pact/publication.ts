/**
 * Which interactions the published contracts hold: only those whose every requirement is documented
 * (docs/guides/pact.md "What the contracts hold"). An expectation the docs do not promise (a duplicate name
 * answering 409, 404 when a consent delete matches nothing, the `result` envelope of Clients) stays out of them and
 * is judged by the conformance suites instead, as an inferred check; so a published verification result never
 * blocks `can-i-deploy` on something the docs do not say.
 */
import type { RequirementCatalog } from '../model/requirement.js';
import { requirementById } from '../catalog/catalog.js';

/** Null when an interaction naming `requirements` belongs in the published contracts, else why not. */
export function unpublishedReason(catalog: RequirementCatalog, requirements: readonly string[]): string | null {
  if (requirements.length === 0) return 'it names no requirement';
  const weak = requirements
    .map((id) => requirementById(catalog, id))
    .filter((r) => r.evidence !== 'documented')
    .map((r) => `${r.id} (${r.evidence})`);
  return weak.length === 0 ? null : `it rests on ${weak.join(', ')}`;
}
