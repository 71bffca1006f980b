/**
 * `run` options, resolved once into a frozen RunConfig. Every problem is a UsageError naming its flag; only
 * the resolved config flows inward (ARCHITECTURE.md: only src/cli reads argv).
 */
import { isAbsolute, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { RunConfig } from '../engine/index.js';
import { UsageError } from './command.js';

export const DEFAULT_REPORT_DIR = 'reports/latest';
export const DEFAULT_RUNS = 50;
export const DEFAULT_TIMEOUT_MS = 10_000;
const MAX_SEED = 2 ** 31 - 1;

/** What resolution needs to know about the installation, so it stays a pure function of its inputs. */
export interface RunOptionsContext {
  readonly cwd: string;
  readonly knownSuites: readonly string[];
  readonly knownFaults: readonly string[];
  readonly isRequirement: (id: string) => boolean;
  /** Seed used when `--seed` is absent. */
  readonly randomSeed: () => number;
}

const FLAGS = {
  target: { type: 'string' },
  issuer: { type: 'string' },
  'state-url': { type: 'string' },
  suite: { type: 'string', multiple: true },
  seed: { type: 'string' },
  runs: { type: 'string' },
  strict: { type: 'boolean' },
  check: { type: 'string' },
  'report-dir': { type: 'string' },
  shard: { type: 'string' },
  fault: { type: 'string' },
  timeout: { type: 'string' },
} as const;

export function resolveRunOptions(args: readonly string[], context: RunOptionsContext): RunConfig {
  const { values, suites } = parse(args);
  const target = resolveTarget(values.target, values.fault, context.knownFaults);
  const check = values.check;
  if (check !== undefined && !context.isRequirement(check)) {
    throw new UsageError(`--check ${check}: no such requirement id in schemas/requirements.json`, '--check');
  }
  for (const suite of suites) {
    if (!context.knownSuites.includes(suite)) {
      throw new UsageError(
        `--suite ${suite}: no such suite (known: ${context.knownSuites.join(', ') || 'none'})`,
        '--suite',
      );
    }
  }
  const reportDir = values['report-dir'] ?? DEFAULT_REPORT_DIR;
  const config: RunConfig = {
    target,
    ...(values.issuer !== undefined ? { issuerUrl: httpUrl('--issuer', values.issuer) } : {}),
    ...(values['state-url'] !== undefined ? { stateUrl: httpUrl('--state-url', values['state-url']) } : {}),
    suites: Object.freeze([...new Set(suites)]),
    seed: values.seed !== undefined ? integer('--seed', values.seed, 0, MAX_SEED) : context.randomSeed(),
    runs: values.runs !== undefined ? integer('--runs', values.runs, 1, 100_000) : DEFAULT_RUNS,
    strict: values.strict ?? false,
    ...(check !== undefined ? { check } : {}),
    reportDir: isAbsolute(reportDir) ? reportDir : resolve(context.cwd, reportDir),
    ...(values.shard !== undefined ? { shard: shard(values.shard) } : {}),
    requestTimeoutMs:
      values.timeout !== undefined ? integer('--timeout', values.timeout, 100, 600_000) : DEFAULT_TIMEOUT_MS,
  };
  return deepFreeze(config);
}

/** parseArgs in strict mode; `--suite a b` (names after --suite) and `--suite a,b` both add suites. */
function parse(args: readonly string[]) {
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], options: FLAGS, strict: true, allowPositionals: true, tokens: true });
  } catch (error) {
    const message = error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error);
    throw new UsageError(message, /'(--?[^' ]+)/.exec(message)?.[1]);
  }
  const suites: string[] = [];
  let afterSuite = false;
  for (const token of parsed.tokens) {
    if (token.kind === 'option') {
      afterSuite = token.name === 'suite';
      if (afterSuite && token.value !== undefined) suites.push(...splitList(token.value));
    } else if (token.kind === 'positional' && afterSuite) {
      suites.push(...splitList(token.value));
    } else if (token.kind === 'positional') {
      throw new UsageError(`unexpected argument '${token.value}' (suite names follow --suite)`, undefined);
    }
  }
  return { values: parsed.values, suites };
}

function splitList(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function resolveTarget(
  target: string | undefined,
  fault: string | undefined,
  knownFaults: readonly string[],
): RunConfig['target'] {
  if (fault !== undefined && !knownFaults.includes(fault)) {
    throw new UsageError(`--fault ${fault}: no such fault (known: ${knownFaults.join(', ')})`, '--fault');
  }
  if (target === undefined || target === 'embedded')
    return fault !== undefined ? { kind: 'embedded', fault } : { kind: 'embedded' };
  if (fault !== undefined)
    throw new UsageError('--fault applies only to the embedded target (leave out --target)', '--fault');
  if (target === 'sandbox') {
    throw new UsageError('--target sandbox is not implemented yet (live sandbox mode is a later issue)', '--target');
  }
  return { kind: 'url', url: httpUrl('--target', target) };
}

function httpUrl(flag: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`${flag} must be an http(s) URL, got '${value}'`, flag);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`${flag} must be an http(s) URL, got '${value}'`, flag);
  }
  return value.replace(/\/+$/, '');
}

function integer(flag: string, value: string, min: number, max: number): number {
  const number = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(number) || number < min || number > max) {
    throw new UsageError(`${flag} must be a whole number from ${min} to ${max}, got '${value}'`, flag);
  }
  return number;
}

function shard(value: string): { index: number; count: number } {
  const match = /^(\d+)\/(\d+)$/.exec(value);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) {
    throw new UsageError(`--shard must be I/N with 1 <= I <= N, got '${value}'`, '--shard');
  }
  return { index, count };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
