import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readResultsFile, resultsShapeProblem } from '../../src/reporters/resultsFile.js';
import { loadResults } from './fixtures.js';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'cis-results-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('readResultsFile', () => {
  it('reads a results.json back', async () => {
    const file = path.join(dir, 'ok.json');
    await writeFile(file, JSON.stringify(loadResults('run-mixed')));
    expect((await readResultsFile(file)).checks).toHaveLength(173);
  });

  it.each([
    ['missing.json', undefined, 'missing.json: not found'],
    ['broken.json', '{"run": ', 'broken.json: is not valid JSON'],
    ['array.json', '[]', 'array.json: is not a cis-conformance results file: the top level is not an object'],
  ])('names the file when it is %s', async (name, content, message) => {
    const file = path.join(dir, name);
    if (content !== undefined) await writeFile(file, content);
    await expect(readResultsFile(file)).rejects.toThrow(message);
  });
});

describe('resultsShapeProblem', () => {
  const results = loadResults('run-mixed');
  it.each([
    ['no run', { ...results, run: undefined }, '`run` is missing'],
    ['checks not an array', { ...results, checks: {} }, '`checks` is not an array'],
    [
      'a check without id',
      { ...results, checks: [{ ...results.checks[0], id: 3 }] },
      'checks[0] needs id, requirement and operation',
    ],
    [
      'an unknown verdict',
      { ...results, checks: [{ ...results.checks[0], verdict: 'ok' }] },
      'checks[0].verdict is "ok"',
    ],
    ['uncovered without requirement', { ...results, uncovered: [{}] }, 'uncovered[0] needs a requirement'],
  ])('finds %s', (_name, data, problem) => {
    expect(resultsShapeProblem(data)).toBe(problem);
  });

  it('accepts the fixture', () => {
    expect(resultsShapeProblem(results)).toBeUndefined();
  });
});
