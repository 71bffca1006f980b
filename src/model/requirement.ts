import type { Evidence } from './verdict.js';
import type { CheckFamily } from './families.js';

/** One row of the requirement catalog, `schemas/requirements.json`. */
export interface Requirement {
  /** Stable id, never reused, e.g. `CLIENTS-CREATE-201`. */
  readonly id: string;
  /** `METHOD /path` exactly as in openapi.yaml, e.g. `POST /v1/clients`. */
  readonly operation: string;
  /** The family whose checks cover it (a matrix column). */
  readonly family: CheckFamily;
  /** The rule, in one sentence. */
  readonly rule: string;
  /** Source tags (docs/facts.md §0), e.g. `["SEED-C", "DOC-NEW"]` or `["INFERRED"]`. */
  readonly sources: readonly string[];
  readonly evidence: Evidence;
  /**
   * Documented requirements only: the statement that makes it documented for this path and this case, a short
   * paraphrase led by its source tag, e.g. `SEED-C: 'Create client' "Creates an additional client for the app"`.
   */
  readonly statement?: string;
  /** Why the evidence level is what it is, where that is not obvious (conflicts, unknowns). */
  readonly notes?: string;
}

/** One of the 14 operations, as listed at the top of the catalog. */
export interface OperationRef {
  /** Short stable key used as the requirement-id prefix, e.g. `CLIENTS-CREATE`. */
  readonly key: string;
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path template, e.g. `/v1/clients/{clientId}`. */
  readonly path: string;
  readonly operationId: string;
}

export interface RequirementCatalog {
  readonly operations: readonly OperationRef[];
  readonly requirements: readonly Requirement[];
}
