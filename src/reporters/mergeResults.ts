/** One RunResults from the shards of a run (`merge-reports`). Pure: reading and writing live in the CLI. */
import type { CheckRecord, Observation, RunResults, Uncovered } from '../model/checkRecord.js';
import { worstVerdict } from '../model/verdict.js';
import { countVerdicts } from './format.js';

export interface MergedResults {
  readonly results: RunResults;
  /** Why these shards might not be one run (different seeds, targets, a check in two shards): shown to the user. */
  readonly notes: readonly string[];
}

/**
 * Checks and observations are concatenated in shard order (a check present in two shards keeps its worse
 * record); the summary is recomputed from the merged checks; a requirement is uncovered only if every shard
 * left it uncovered and no merged check reached it. Disagreements about the run are noted, not fatal: the
 * report still shows everything, and the notes go into `runErrors` so nobody mistakes it for one clean run.
 */
export function mergeRunResults(shards: readonly RunResults[]): MergedResults {
  const [first] = shards;
  if (!first) throw new Error('mergeRunResults needs at least one shard');
  const notes: string[] = [];
  for (const field of ['seed', 'target', 'strict'] as const) {
    const values = [...new Set(shards.map((shard) => shard.run[field]))];
    if (values.length > 1) notes.push(`merge: the shards ran with different ${field} values (${values.join(', ')})`);
  }

  const checks = mergeChecks(shards, notes);
  const reached = new Set(checks.map((check) => check.requirement));
  const uncovered = first.uncovered.filter(
    (item) =>
      !reached.has(item.requirement) &&
      shards.every((shard) => shard.uncovered.some((other) => other.requirement === item.requirement)),
  );

  const starts = shards.map((shard) => Date.parse(shard.run.startedAt));
  const ends = shards.map((shard, i) => (starts[i] ?? 0) + shard.run.durationMs);
  const startedAt = Math.min(...starts);
  const runIds = [...new Set(shards.map((shard) => shard.run.id))];
  const shardLabels = shards.map((shard) => shard.run.shard).filter((label): label is string => Boolean(label));

  const results: RunResults = {
    tool: first.tool,
    run: {
      id: runIds.join('+'),
      seed: first.run.seed,
      target: first.run.target,
      strict: first.run.strict,
      suites: [...new Set(shards.flatMap((shard) => shard.run.suites))],
      ...(shardLabels.length > 0 ? { shard: `merged from ${shardLabels.join(', ')}` } : {}),
      startedAt: Number.isFinite(startedAt) ? new Date(startedAt).toISOString() : first.run.startedAt,
      durationMs: Number.isFinite(startedAt)
        ? Math.max(...ends) - startedAt
        : Math.max(...shards.map((shard) => shard.run.durationMs)),
    },
    summary: countVerdicts(checks),
    checks,
    observations: dedupe(
      shards.flatMap((shard) => shard.observations),
      observationKey,
    ),
    uncovered: dedupe(uncovered, (item: Uncovered) => item.requirement),
    runErrors: [...shards.flatMap((shard) => shard.runErrors ?? []), ...notes],
  };
  return { results, notes };
}

function mergeChecks(shards: readonly RunResults[], notes: string[]): CheckRecord[] {
  const byId = new Map<string, CheckRecord>();
  const duplicates = new Set<string>();
  for (const shard of shards) {
    for (const check of shard.checks) {
      const seen = byId.get(check.id);
      if (!seen) byId.set(check.id, check);
      else {
        duplicates.add(check.id);
        if (worstVerdict(seen.verdict, check.verdict) !== seen.verdict) byId.set(check.id, check);
      }
    }
  }
  if (duplicates.size > 0) {
    const sample = [...duplicates].slice(0, 5).join(', ');
    notes.push(
      `merge: ${duplicates.size} check(s) appear in more than one shard (kept the worse record): ${sample}${duplicates.size > 5 ? ', …' : ''}`,
    );
  }
  return [...byId.values()];
}

function observationKey(observation: Observation): string {
  return JSON.stringify([observation.checkId, observation.requirement, observation.question, observation.observed]);
}

function dedupe<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
