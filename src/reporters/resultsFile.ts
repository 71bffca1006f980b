/** Reading a `results.json` back (merge-reports): a structural check that names the file and the field. */
import { readFile } from 'node:fs/promises';
import type { RunResults } from '../model/checkRecord.js';
import { VERDICTS } from '../model/verdict.js';

export class ResultsFileError extends Error {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'ResultsFileError';
  }
}

export async function readResultsFile(file: string): Promise<RunResults> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ResultsFileError(
      file,
      code === 'ENOENT'
        ? 'not found (is this a report directory of a run?)'
        : `cannot be read (${code ?? String(error)})`,
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ResultsFileError(file, `is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const problem = resultsShapeProblem(data);
  if (problem) throw new ResultsFileError(file, `is not a cis-conformance results file: ${problem}`);
  return data as RunResults;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * What is wrong with `data` as RunResults, or undefined. Checks what merging relies on (the run block,
 * the arrays and each check's identity and verdict), not every string of every record.
 */
export function resultsShapeProblem(data: unknown): string | undefined {
  if (!isObject(data)) return 'the top level is not an object';
  const run = data.run;
  if (!isObject(run)) return '`run` is missing';
  if (typeof run.id !== 'string' || typeof run.seed !== 'number' || typeof run.target !== 'string')
    return '`run` needs id, seed and target';
  if (typeof run.startedAt !== 'string' || typeof run.durationMs !== 'number')
    return '`run` needs startedAt and durationMs';
  for (const field of ['checks', 'observations', 'uncovered'] as const) {
    if (!Array.isArray(data[field])) return `\`${field}\` is not an array`;
  }
  if (data.runErrors !== undefined && !Array.isArray(data.runErrors)) return '`runErrors` is not an array';
  const checks = data.checks as unknown[];
  for (const [index, check] of checks.entries()) {
    if (!isObject(check)) return `checks[${index}] is not an object`;
    if (typeof check.id !== 'string' || typeof check.requirement !== 'string' || typeof check.operation !== 'string') {
      return `checks[${index}] needs id, requirement and operation`;
    }
    if (!(VERDICTS as readonly unknown[]).includes(check.verdict))
      return `checks[${index}].verdict is ${JSON.stringify(check.verdict)}`;
  }
  for (const [index, item] of (data.uncovered as unknown[]).entries()) {
    if (!isObject(item) || typeof item.requirement !== 'string') return `uncovered[${index}] needs a requirement`;
  }
  return undefined;
}
