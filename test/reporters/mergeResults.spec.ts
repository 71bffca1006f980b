import { describe, expect, it } from 'vitest';
import { mergeRunResults } from '../../src/reporters/mergeResults.js';
import { loadResults, shardsOf } from './fixtures.js';

const full = loadResults('run-mixed');

describe('mergeRunResults', () => {
  const { results, notes } = mergeRunResults(shardsOf(full, 3));

  it('gets back every check, in shard order, with the summary recomputed', () => {
    expect(results.checks).toHaveLength(full.checks.length);
    expect(new Set(results.checks.map((check) => check.id))).toEqual(new Set(full.checks.map((check) => check.id)));
    // The fixture was written before `observed` existed: a merge counts it 0.
    expect(results.summary).toEqual({ ...full.summary, observed: 0 });
  });

  it('keeps a requirement uncovered only where every shard left it uncovered', () => {
    expect(results.uncovered).toEqual(full.uncovered);
  });

  it('merges observations and run errors, and describes the merged run', () => {
    expect(results.observations).toHaveLength(full.observations.length);
    expect(results.runErrors).toEqual(['shard 2: suite file crashed']);
    expect(results.run).toMatchObject({
      id: full.run.id,
      seed: 1234,
      shard: 'merged from 1/3, 2/3, 3/3',
      startedAt: full.run.startedAt,
    });
    expect(results.run.durationMs).toBe(full.run.durationMs + 2000);
    expect(notes).toEqual([]);
  });

  it('notes shards that were not one run, and a check present twice (keeping the worse record)', () => {
    const [a, b] = shardsOf(full, 2);
    const failedCopy = { ...a!.checks[1]!, verdict: 'failed' as const };
    const other = { ...b!, run: { ...b!.run, seed: 99 }, checks: [...b!.checks, failedCopy] };
    const merged = mergeRunResults([a!, other]);
    expect(merged.notes).toEqual([
      'merge: the shards ran with different seed values (1234, 99)',
      `merge: 1 check(s) appear in more than one shard (kept the worse record): ${failedCopy.id}`,
    ]);
    expect(merged.results.checks.find((check) => check.id === failedCopy.id)?.verdict).toBe('failed');
    expect(merged.results.checks).toHaveLength(full.checks.length);
    expect(merged.results.runErrors).toEqual(expect.arrayContaining([...merged.notes]));
  });
});
