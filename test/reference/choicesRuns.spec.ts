/**
 * Zero false failures, kept true (docs/decisions.md "Choices"): a full default run against the default reference
 * has nothing but passes; a full run against `--choices alternate` (every choice on, a second defensible
 * implementation) fails nothing and warns only on requirements some choice flips; and each choice, switched on
 * alone, moves every requirement it names from passed to warning or observed.
 *
 * The per-choice runs are targeted: only the checks that judged a choice's requirements in the default run (their
 * `covers`), and choices whose requirements belong to disjoint sets of operations share one run.
 */
import { describe, expect, it } from 'vitest';
import { CHOICES, flippedBy, choiceSet, type Choice } from '../../reference/choices.js';
import type { CheckRecord, Observation, RunResults } from '../../src/model/checkRecord.js';
import { listSuites } from '../../src/engine/index.js';
import { brokenRules } from '../../src/model/findings.js';
import { loadCatalog } from '../../src/catalog/catalog.js';
import { runSuites, suiteRunConfig, verdictLines } from '../suites/support/suiteRun.js';
import { PACKAGE_ROOT } from './support/packageRoot.js';

const catalog = loadCatalog(PACKAGE_ROOT);
const operationOf = new Map(catalog.requirements.map((r) => [r.id, r.operation]));
const folders = listSuites(PACKAGE_ROOT);
const FULL_RUN_MS = 240_000;

/** Every rule a non-passing check names as broken (`ID: observed …`, `ID (inferred): observed …`). */
const brokenIn = (checks: readonly CheckRecord[]): Set<string> =>
  new Set(
    checks.filter((c) => c.verdict === 'warning' || c.verdict === 'failed').flatMap((c) => brokenRules(c.message)),
  );

/** An observation without the run's generated ids and epoch numbers, so two runs compare on what the target did. */
const normalized = (o: Observation): string =>
  `${o.question} → ${o.observed}`
    .replace(
      /[A-Za-z0-9_-]*\d[A-Za-z0-9_-]*[A-Za-z][A-Za-z0-9_-]*|[A-Za-z0-9_-]*[A-Za-z][A-Za-z0-9_-]*\d[A-Za-z0-9_-]*/g,
      (word) => (word.length >= 8 ? '<id>' : word),
    )
    .replace(/\d{9,}/g, '<n>');
const observationsOf = (results: RunResults, id: string): string[] =>
  results.observations
    .filter((o) => o.requirement === id)
    .map(normalized)
    .sort();

/**
 * Choices that each change how a token with one particular defect is treated (wrong iss, wrong aud, nbf ahead, no
 * exp): their checks are disjoint cells, so they share a run whatever operations they touch.
 */
const TOKEN_DEFECT = /-TOKEN-(WRONG-ISSUER|WRONG-AUDIENCE|NOT-YET-VALID|NO-EXP)-REJECTED$/;
const onlyTokenDefects = (choice: Choice): boolean => choice.flips.every((id) => TOKEN_DEFECT.test(id));

/** Choices in groups whose requirements' operations do not overlap (or token-defect ones): one run per group. */
function batches(choices: readonly Choice[]): Choice[][] {
  const groups: Array<{ choices: Choice[]; operations: Set<string> }> = [];
  const operations = (choice: Choice) => new Set(choice.flips.map((id) => operationOf.get(id) ?? id));
  for (const choice of [...choices].sort((a, b) => operations(b).size - operations(a).size)) {
    const mine = operations(choice);
    const group = groups.find(
      (g) =>
        [...mine].every((op) => !g.operations.has(op)) ||
        (onlyTokenDefects(choice) && g.choices.every(onlyTokenDefects)),
    );
    if (group) {
      group.choices.push(choice);
      for (const op of mine) group.operations.add(op);
    } else groups.push({ choices: [choice], operations: mine });
  }
  return groups.map((g) => g.choices);
}

describe('the reference with and without choices, judged by full runs', () => {
  let defaultRun: RunResults | undefined;

  it(
    'a full default run against the default reference: 0 failed, 0 warnings, 0 errors',
    async () => {
      const { results } = await runSuites(suiteRunConfig([], { seed: 1 }));
      defaultRun = results;
      const notPassed = results.checks.filter((c) => c.verdict === 'failed' || c.verdict === 'warning');
      expect(verdictLines(notPassed)).toEqual([]);
      expect(verdictLines(results.checks.filter((c) => c.verdict === 'error'))).toEqual([]);
      expect(results.runErrors).toEqual([]);
      expect(results.checks.length).toBeGreaterThan(300);
    },
    FULL_RUN_MS,
  );

  it(
    'a full run against --choices alternate: 0 failed, and every warning names only requirements a choice flips',
    async () => {
      const { results } = await runSuites(
        suiteRunConfig([], { seed: 1, target: { kind: 'embedded', choices: 'alternate' } }),
      );
      const flipped = flippedBy(choiceSet('alternate'));
      expect(verdictLines(results.checks.filter((c) => c.verdict === 'failed'))).toEqual([]);
      expect(verdictLines(results.checks.filter((c) => c.verdict === 'error'))).toEqual([]);
      const unexplained = results.checks
        .filter((c) => c.verdict === 'warning')
        .filter((c) => brokenRules(c.message).length === 0 || brokenRules(c.message).some((id) => !flipped.has(id)));
      expect(verdictLines(unexplained)).toEqual([]);
      // The second opinion is really different: it warns.
      expect(results.summary.warnings).toBeGreaterThan(0);
    },
    FULL_RUN_MS,
  );

  it(
    'each choice alone moves every requirement it names from passed to warning or observed',
    async () => {
      if (!defaultRun) throw new Error('needs the full default run of the first test (run the file whole)');
      const baseline = defaultRun;
      const baselineBroken = brokenIn(baseline.checks);
      /** The checks (by own requirement) that judged `id` in the default run, and their suite folders. */
      const judging = (id: string) => baseline.checks.filter((c) => (c.covers ?? [c.requirement]).includes(id));
      const problems: string[] = [];
      for (const group of batches(CHOICES)) {
        const ids = group.flatMap((choice) => choice.flips);
        for (const id of ids) {
          if (judging(id).length === 0) problems.push(`${id}: no check of the default run judged it`);
          if (baselineBroken.has(id)) problems.push(`${id}: already broken in the default run`);
        }
        const checks = [...new Set(ids.flatMap((id) => judging(id).map((c) => c.requirement)))];
        if (checks.length === 0) continue;
        // Only the suite folders holding those checks (a family that is no folder: all), so vitest collects few files.
        const families = [...new Set(ids.flatMap((id) => judging(id).map((c) => c.family as string)))];
        const suites = families.every((f) => folders.includes(f)) ? families : [];
        const { results } = await runSuites(
          suiteRunConfig(suites, {
            seed: 1,
            checks,
            target: { kind: 'embedded', choices: group.map((choice) => choice.name) },
          }),
        );
        const broken = brokenIn(results.checks);
        for (const choice of group) {
          for (const id of choice.flips) {
            const evidence = catalog.requirements.find((r) => r.id === id)?.evidence;
            const moved =
              evidence === 'observation'
                ? observationsOf(results, id).join('\n') !== observationsOf(baseline, id).join('\n')
                : broken.has(id);
            if (!moved) problems.push(`${choice.name} did not move ${id} (${evidence})`);
          }
        }
        const failed = results.checks.filter((c) => c.verdict === 'failed' || c.verdict === 'error');
        problems.push(...verdictLines(failed).map((line) => `${group.map((c) => c.name).join('+')}: ${line}`));
      }
      expect(problems).toEqual([]);
    },
    FULL_RUN_MS * 2,
  );
});
