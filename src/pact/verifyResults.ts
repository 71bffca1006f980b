/**
 * What the Pact verifier said about each interaction of one pact file. pact-core resolves with the FFI's JSON
 * report on success and rejects with an Error whose message is that same JSON on a contract failure (other
 * rejections carry a plain message): `{result, interactionResults: [{description, result}], errors: [{interaction,
 * mismatch}], pendingErrors: [...]}`. This turns either into one verdict per interaction of the file, in the
 * file's order. A failure of a pending pact (the broker says so) or of a V4 interaction marked `pending` is listed
 * in `pendingErrors`, not `errors`, and does not fail Pact's own run (it resolves); its verdict carries `pending`.
 */
import { requirementById } from '../catalog/catalog.js';
import { weakestRequirement } from '../model/pactInteraction.js';
import type { RequirementCatalog } from '../model/requirement.js';
import { violationVerdict, type Evidence } from '../model/verdict.js';
import type { PactFile } from './pactFiles.js';

export interface InteractionVerdict {
  readonly consumer: string;
  readonly description: string;
  readonly passed: boolean;
  /** Why it failed, in one line (Pact's mismatch texts, or the problem that kept it from being verified). */
  readonly mismatch?: string;
  /** Set when it failed without being compared (a state that could not be set up, a verifier that did not run). */
  readonly notVerified?: true;
  /** It failed on a pending pact or a pending interaction: reported, never failing the run. */
  readonly pending?: true;
}

export type VerifierOutcome = { readonly resolved: unknown } | { readonly rejected: unknown };

type Json = Record<string, unknown>;
const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function outcomeText(outcome: VerifierOutcome): string {
  const value = 'resolved' in outcome ? outcome.resolved : outcome.rejected;
  if (value instanceof Error) return value.message;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function parseReport(text: string): Json | undefined {
  try {
    const report = JSON.parse(text) as unknown;
    return isRecord(report) && Array.isArray(report['interactionResults']) ? report : undefined;
  } catch {
    return undefined;
  }
}

/** One Pact mismatch as text: `status: expected 201 but was 200`, `body $.result: ...`, `header X: ...`. */
export function describeMismatch(mismatch: unknown): string {
  if (!isRecord(mismatch)) return String(mismatch);
  const text = String(mismatch['mismatch'] ?? mismatch['message'] ?? JSON.stringify(mismatch));
  switch (mismatch['type']) {
    case 'StatusMismatch':
      return `status: ${text}`;
    case 'HeaderMismatch':
      return `header ${String(mismatch['key'] ?? '')}: ${text}`;
    case 'BodyMismatch':
    case 'BodyTypeMismatch':
      return `body ${String(mismatch['path'] ?? '')}: ${text}`.replace('body : ', 'body: ');
    default:
      return text;
  }
}

/** The mismatch texts of one `errors[]` entry. */
function describeError(entry: Json): string {
  const detail = entry['mismatch'];
  if (isRecord(detail) && Array.isArray(detail['mismatches'])) {
    // Status first, then headers, then the body: the order a reader checks them in.
    const rank = (m: unknown) =>
      ['StatusMismatch', 'HeaderMismatch'].indexOf(String(isRecord(m) ? m['type'] : '')) >>> 0;
    return [...detail['mismatches']]
      .sort((a, b) => rank(a) - rank(b))
      .map(describeMismatch)
      .join('; ');
  }
  if (isRecord(detail)) return String(detail['message'] ?? JSON.stringify(detail));
  return String(detail ?? 'failed');
}

/**
 * Verdicts for every interaction of `pact`. An interaction the report does not mention failed (it was not
 * verified); a report that cannot be read fails them all with the verifier's own message.
 */
export function interactionVerdicts(pact: PactFile, outcome: VerifierOutcome): InteractionVerdict[] {
  const text = outcomeText(outcome);
  const report = parseReport(text);
  const consumer = pact.consumer;
  if (!report) {
    const why = `the Pact verifier did not verify ${pact.consumer}: ${text.split('\n')[0] || 'no report'}`;
    return pact.interactions.map((i) => ({
      consumer,
      description: i.description,
      passed: false,
      mismatch: why,
      notVerified: true,
    }));
  }
  const results = (report['interactionResults'] as unknown[]).filter(isRecord);
  const errors = (Array.isArray(report['errors']) ? report['errors'] : []).filter(isRecord);
  // Pact names a failed interaction "Verifying a pact between A and B Given S - <description>"; the longest
  // matching description wins, so one that ends another's text is not confused with it.
  const descriptions = [...pact.interactions.map((i) => i.description)].sort((a, b) => b.length - a.length);
  const attribute = (list: Json[]) => {
    const of = new Map<string, string[]>();
    for (const entry of list) {
      const name = String(entry['interaction'] ?? '');
      const description = descriptions.find((d) => name === d || name.endsWith(` - ${d}`));
      const key = description ?? '';
      of.set(key, [...(of.get(key) ?? []), describeError(entry)]);
    }
    return of;
  };
  const errorsOf = attribute(errors);
  const pendingOf = attribute((Array.isArray(report['pendingErrors']) ? report['pendingErrors'] : []).filter(isRecord));
  const unattributed = errorsOf.get('') ?? [];
  // Two pacts of one consumer (two selected versions) repeat descriptions: each result is used once, in order.
  const used = new Set<number>();
  return pact.interactions.map(({ description }) => {
    const at = results.findIndex((r, i) => !used.has(i) && r['description'] === description);
    if (at >= 0) used.add(at);
    const result = at >= 0 ? results[at] : undefined;
    const own = errorsOf.get(description) ?? [];
    const pending = pendingOf.get(description) ?? [];
    if (result?.['result'] === 'OK' && own.length === 0) return { consumer, description, passed: true };
    if (own.length > 0) return { consumer, description, passed: false, mismatch: own.join('; ') };
    if (pending.length > 0) {
      return { consumer, description, passed: false, mismatch: pending.join('; '), pending: true as const };
    }
    if (!result) {
      const mismatch = 'not verified: the Pact verifier reported no result for it';
      return { consumer, description, passed: false, mismatch, notVerified: true };
    }
    const detail = unattributed.length > 0 ? `: ${unattributed.join('; ')}` : '';
    return {
      consumer,
      description,
      passed: false,
      mismatch: `the verifier reported ${String(result['result'])}${detail}`,
    };
  });
}

/** What an interaction's result costs: `error` when it was not verified, else its evidence's verdict. */
export type InteractionJudgement = 'passed' | 'failed' | 'warning' | 'observed' | 'error';

export interface JudgedInteraction extends InteractionVerdict {
  /** The requirement ids the interaction names (`comments.requirements`). */
  readonly requirements: readonly string[];
  /** The requirement whose evidence judges it (the weakest it names); absent when it names none. */
  readonly judgedBy?: { readonly id: string; readonly evidence: Evidence };
  readonly verdict: InteractionJudgement;
}

/**
 * Pact's verdict on one interaction, turned into the harness's (src/model/verdict.ts): not verified → error;
 * broken → what breaking its weakest requirement costs (documented: failed; inferred: warning, failed when
 * `strict`; observation: observed). An interaction that names no requirement (a pact from elsewhere) is judged as
 * documented, which is what Pact itself does; one naming an id the catalog lacks was not judged (error).
 */
export function judgeInteraction(
  verdict: InteractionVerdict,
  requirements: readonly string[],
  catalog: RequirementCatalog,
  strict = false,
): JudgedInteraction {
  let judgedBy: JudgedInteraction['judgedBy'];
  try {
    if (requirements.length > 0) {
      const weakest = weakestRequirement(requirements.map((id) => requirementById(catalog, id)));
      judgedBy = { id: weakest.id, evidence: weakest.evidence };
    }
  } catch (error) {
    const mismatch = [verdict.mismatch, (error as Error).message].filter(Boolean).join('; ');
    return { ...verdict, requirements, mismatch, verdict: 'error' };
  }
  const base = { ...verdict, requirements, ...(judgedBy ? { judgedBy } : {}) };
  if (verdict.notVerified) return { ...base, verdict: 'error' };
  if (verdict.passed) return { ...base, verdict: 'passed' };
  const cost = violationVerdict(judgedBy?.evidence ?? 'documented', strict);
  return { ...base, verdict: cost === 'warning' || cost === 'observed' ? cost : 'failed' };
}
