/**
 * What the lists-at-scale checks share: ids that are prefixes, suffixes and case variants of each other, how many
 * items exceed any plausible default page, what counts as a paging signal, and the judgement of one list answer.
 */
import type { CheckContext, TargetResponse } from '../../../src/suite/index.js';
import { membership } from '../../support/consentsLists.js';

/** More items than any default page a list API plausibly uses (20 and 25 are the usual ones). */
export const AT_SCALE = 26;

/**
 * Ids around `base`: `base` is a prefix of `longer`, a suffix of `suffixed` and a case variant of `cased`
 * (think u1, u10, xu1, U1). An exact filter on `base` matches none of the others.
 */
export interface IdVariants {
  readonly base: string;
  readonly longer: string;
  readonly suffixed: string;
  readonly cased: string;
}

export function idVariants(base: string): IdVariants {
  const cased = base.replace(/[a-z]/, (letter) => letter.toUpperCase());
  if (cased === base) throw new Error(`id ${base} has no lower-case letter to vary`);
  return { base, longer: `${base}0`, suffixed: `x${base}`, cased };
}

const PAGING_HEADERS = ['link', 'x-total-count', 'x-next-page', 'x-next-cursor', 'x-page', 'x-per-page'];

/** Members beside the list and paging-like headers of a list answer; empty when there is none. */
export function pagingSignal(res: TargetResponse): string[] {
  const body = res.json;
  const beside =
    body !== null && typeof body === 'object' && !Array.isArray(body)
      ? Object.keys(body).filter((key) => key !== 'result')
      : [];
  const headers = PAGING_HEADERS.filter((name) => res.headers[name] !== undefined);
  return [...beside.map((key) => `body member ${key}`), ...headers.map((name) => `header ${name}`)];
}

/**
 * A list answer at scale holds every id in `expected` (documented where the docs say "all"), and the paging signal
 * it carries is recorded under `pagingRequirement`, whatever it is.
 */
export function expectAllAtScale(
  c: CheckContext,
  detail: {
    readonly requirement: string;
    readonly pagingRequirement: string;
    readonly where: string;
    readonly res: TargetResponse;
    readonly listed: readonly string[];
    readonly expected: readonly string[];
  },
): void {
  const signal = pagingSignal(detail.res);
  const { missing } = membership(detail.listed, detail.expected);
  c.observe({
    requirement: detail.pagingRequirement,
    question: `paging signal of ${detail.where} holding ${detail.expected.length} items`,
    observed: `${detail.listed.length} items listed; ${signal.length === 0 ? 'no paging signal' : signal.join(', ')}`,
  });
  c.expect.that(missing.length === 0, {
    requirement: detail.requirement,
    expected: `all ${detail.expected.length} items in ${detail.where}`,
    observed: `${detail.listed.length} items, ${missing.length} missing${signal.length === 0 ? ', and no paging signal' : ` (${signal.join(', ')})`}`,
  });
}
