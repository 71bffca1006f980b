import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createJsonReporter, resultsJson } from '../../src/reporters/json.js';
import { loadResults } from './fixtures.js';

const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

describe('results.json', () => {
  it('is exactly the RunResults it was given (the fixture holds no secrets to redact)', () => {
    const results = loadResults('run-mixed');
    expect(JSON.parse(resultsJson(results))).toEqual(results);
  });

  it('has the docs/design.md §3.2 shape: summary, checks with reproduction, observations, uncovered', () => {
    const parsed = JSON.parse(resultsJson(loadResults('run-mixed'))) as Record<string, unknown>;
    expect(Object.keys(parsed.summary as object).sort()).toEqual(['errors', 'failed', 'passed', 'skipped', 'warnings']);
    expect((parsed.checks as { reproduction: object }[])[0]?.reproduction).toMatchObject({
      seed: 1234,
      command: expect.stringContaining('--check'),
    });
    expect(parsed.observations).toHaveLength(16);
    expect(parsed.uncovered).toHaveLength(3);
  });

  it('is written into the report directory and its path returned', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'cis-json-'));
    dirs.push(dir);
    const paths = await createJsonReporter().finish(loadResults('run-mixed'), dir);
    expect(paths).toEqual([path.join(dir, 'results.json')]);
    expect(JSON.parse(await readFile(paths[0]!, 'utf8'))).toEqual(loadResults('run-mixed'));
  });
});
