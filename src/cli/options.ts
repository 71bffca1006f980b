/**
 * `run` options, resolved once into a frozen RunConfig. Every problem is a UsageError naming its flag; only
 * the resolved config flows inward (ARCHITECTURE.md: only src/cli reads argv).
 */
import { isAbsolute, resolve } from 'node:path';
import { DEFAULT_PROFILE_RUNS, RUN_PROFILE_NAMES, resolveProfile } from '../engine/profiles.js';
import {
  DEFAULT_CONCURRENCY,
  DEFAULT_DEADLINE_MS,
  DEFAULT_LIVE_DEADLINE_MS,
  LIVE_CONCURRENCY,
  type RunConfig,
} from '../engine/index.js';
import { UsageError } from './command.js';
import {
  HOST_FLAGS,
  requireLiveCredentials,
  resolveLiveHost,
  resolveTransport,
  TRANSPORT_FLAGS,
} from './liveOptions.js';
import { choicesFlags, integerFlag, parseArgsWithNameLists } from './flags.js';

export const DEFAULT_REPORT_DIR = 'reports/latest';
export const DEFAULT_RUNS = DEFAULT_PROFILE_RUNS;
export const DEFAULT_TIMEOUT_MS = 10_000;
const MAX_SEED = 2 ** 31 - 1;
const MAX_DEADLINE_MS = 24 * 3_600_000;
const MAX_CONCURRENCY = 64;
const MAX_WORKERS = 32;

/** What resolution needs to know about the installation, so it stays a pure function of its inputs. */
export interface RunOptionsContext {
  readonly cwd: string;
  readonly knownSuites: readonly string[];
  readonly knownFaults: readonly string[];
  /** Choice names of the embedded reference (reference/choices.ts); default none known. */
  readonly knownChoices?: readonly string[];
  readonly isRequirement: (id: string) => boolean;
  /** Seed used when `--seed` is absent. */
  readonly randomSeed: () => number;
  /** Where live credentials are looked for (`--target sandbox`); absent = none. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

const FLAGS = {
  target: { type: 'string' },
  issuer: { type: 'string' },
  'state-url': { type: 'string' },
  suite: { type: 'string', multiple: true },
  seed: { type: 'string' },
  runs: { type: 'string' },
  profile: { type: 'string' },
  'replay-path': { type: 'string' },
  strict: { type: 'boolean' },
  check: { type: 'string' },
  'report-dir': { type: 'string' },
  shard: { type: 'string' },
  fault: { type: 'string' },
  choices: { type: 'string' },
  choice: { type: 'string', multiple: true },
  timeout: { type: 'string' },
  deadline: { type: 'string' },
  concurrency: { type: 'string' },
  workers: { type: 'string' },
  ...HOST_FLAGS,
  ...TRANSPORT_FLAGS,
  'allow-destructive': { type: 'boolean' },
  'disposable-app': { type: 'string' },
} as const;

/** Flags that mean something only against the live service. */
const LIVE_ONLY = ['production', 'region', 'live-origin', 'allow-destructive', 'disposable-app'] as const;

export function resolveRunOptions(args: readonly string[], context: RunOptionsContext): RunConfig {
  const { values, suites } = parse(args);
  if (values['report-dir'] !== undefined && values['report-dir'].trim() === '') {
    throw new UsageError('--report-dir must name a folder (it is empty)', '--report-dir');
  }
  const reportDir = values['report-dir'] ?? defaultReportDir(values.check);
  const absoluteReportDir = isAbsolute(reportDir) ? reportDir : resolve(context.cwd, reportDir);
  const target = resolveTarget(values, context, absoluteReportDir);
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
  const replayPath = values['replay-path'];
  if (replayPath !== undefined && check === undefined) {
    throw new UsageError(
      '--replay-path replays one failing case: give it with --check REQUIREMENT-ID (and --seed)',
      '--replay-path',
    );
  }
  const config: RunConfig = {
    target,
    ...(values.issuer !== undefined ? { issuerUrl: httpUrl('--issuer', values.issuer) } : {}),
    ...(values['state-url'] !== undefined ? { stateUrl: httpUrl('--state-url', values['state-url']) } : {}),
    suites: Object.freeze([...new Set(suites)]),
    seed: values.seed !== undefined ? integerFlag('--seed', values.seed, 0, MAX_SEED) : context.randomSeed(),
    // An explicit --runs wins over the profile's case count.
    runs: values.runs !== undefined ? integerFlag('--runs', values.runs, 1, 100_000) : profileRuns(values.profile),
    strict: values.strict ?? false,
    ...(check !== undefined ? { check } : {}),
    ...(replayPath !== undefined ? { replayPath } : {}),
    reportDir: absoluteReportDir,
    ...(values.shard !== undefined ? { shard: shard(values.shard) } : {}),
    requestTimeoutMs:
      values.timeout !== undefined ? integerFlag('--timeout', values.timeout, 100, 600_000) : DEFAULT_TIMEOUT_MS,
    deadlineMs:
      values.deadline !== undefined
        ? durationFlag('--deadline', values.deadline, 1_000, MAX_DEADLINE_MS)
        : target.kind === 'sandbox'
          ? DEFAULT_LIVE_DEADLINE_MS
          : DEFAULT_DEADLINE_MS,
    concurrency: concurrency(values.concurrency, target.kind === 'sandbox'),
    ...(values.workers !== undefined ? { workers: integerFlag('--workers', values.workers, 1, MAX_WORKERS) } : {}),
  };
  return deepFreeze(config);
}

/**
 * Where reports go without `--report-dir`: `reports/latest`, or for a replay (`--check ID`)
 * `reports/replay-<ID>`, so replaying one failure never overwrites the full run's reports.
 */
export function defaultReportDir(check: string | undefined): string {
  if (check === undefined) return DEFAULT_REPORT_DIR;
  const folder = check.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^\.+/, '_') || 'check';
  return `reports/replay-${folder}`;
}

/** `--suite a b` (names after --suite) and `--suite a,b` both add suites. */
function parse(args: readonly string[]) {
  const { values, lists } = parseArgsWithNameLists(args, FLAGS, ['suite'], 'suite names follow --suite');
  return { values, suites: lists.suite };
}

type RunValues = ReturnType<typeof parse>['values'];

function resolveTarget(values: RunValues, context: RunOptionsContext, reportDir: string): RunConfig['target'] {
  const { target, fault } = values;
  if (fault !== undefined && !context.knownFaults.includes(fault)) {
    throw new UsageError(`--fault ${fault}: no such fault (known: ${context.knownFaults.join(', ')})`, '--fault');
  }
  const choices = choicesFlags(values.choices, values.choice, context.knownChoices ?? []);
  const choiceFlag = values.choice !== undefined ? '--choice' : '--choices';
  if (choices !== undefined && target !== undefined && target !== 'embedded') {
    throw new UsageError(`${choiceFlag} applies only to the embedded target (leave out --target)`, choiceFlag);
  }
  if (target === 'sandbox') {
    if (fault !== undefined)
      throw new UsageError('--fault applies only to the embedded target (leave out --target)', '--fault');
    return sandboxTarget(values, context, reportDir);
  }
  for (const flag of LIVE_ONLY) {
    if (values[flag] !== undefined) throw new UsageError(`--${flag} applies only to --target sandbox`, `--${flag}`);
  }
  const transport = resolveTransport(values, false);
  const extra = transport ? { transport } : {};
  if (target === undefined || target === 'embedded')
    return {
      kind: 'embedded',
      ...(fault !== undefined ? { fault } : {}),
      ...(choices !== undefined ? { choices } : {}),
      ...extra,
    };
  if (fault !== undefined)
    throw new UsageError('--fault applies only to the embedded target (leave out --target)', '--fault');
  return { kind: 'url', url: httpUrl('--target', target), ...extra };
}

/** `--target sandbox`: the live service. Credentials are checked here, so a run never starts without them. */
function sandboxTarget(values: RunValues, context: RunOptionsContext, reportDir: string): RunConfig['target'] {
  const host = resolveLiveHost(values);
  const disposable = values['disposable-app'];
  if (values['allow-destructive'] && disposable === undefined) {
    throw new UsageError(
      "--allow-destructive needs --disposable-app APP_ID (the token's own app, whose clients may all be deleted)",
      '--allow-destructive',
    );
  }
  if (disposable !== undefined && !values['allow-destructive']) {
    throw new UsageError('--disposable-app is only read together with --allow-destructive', '--disposable-app');
  }
  if (disposable === '') throw new UsageError('--disposable-app must name an app id', '--disposable-app');
  requireLiveCredentials(context.env ?? {}, '--target');
  return {
    kind: 'sandbox',
    host,
    transport: resolveTransport(values, true) ?? {},
    ledgerDir: reportDir,
    ...(disposable !== undefined ? { disposableApp: disposable } : {}),
  };
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

/** `--concurrency N`: checks at once per worker. Live mode keeps one (CLARIFICATIONS: the tenant has one app). */
function concurrency(value: string | undefined, live: boolean): number {
  if (value === undefined) return live ? LIVE_CONCURRENCY : DEFAULT_CONCURRENCY;
  const n = integerFlag('--concurrency', value, 1, MAX_CONCURRENCY);
  if (live && n !== LIVE_CONCURRENCY) {
    throw new UsageError(
      `--concurrency ${n}: live mode runs one check at a time per worker (the tenant has one app, which checks that write would share); --rate paces the run`,
      '--concurrency',
    );
  }
  return n;
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

function profileRuns(profile: string | undefined): number {
  if (profile === undefined) return DEFAULT_RUNS;
  if (!(RUN_PROFILE_NAMES as readonly string[]).includes(profile)) {
    throw new UsageError(`--profile ${profile}: no such profile (known: ${RUN_PROFILE_NAMES.join(', ')})`, '--profile');
  }
  return resolveProfile(profile).runs;
}

const DURATION_UNITS_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 } as const;

/**
 * A duration with units, `90s`, `20m`, `1h30m`, `500ms` (ms, s, m, h; whole numbers), in milliseconds from `min`
 * to `max`, or a UsageError naming the flag.
 */
export function durationFlag(flag: string, value: string, min: number, max: number): number {
  const parts = /^(?:\d+(?:ms|s|m|h))+$/.test(value) ? [...value.matchAll(/(\d+)(ms|s|m|h)/g)] : [];
  const ms = parts.reduce(
    (sum, [, n, unit]) => sum + Number(n) * DURATION_UNITS_MS[unit as keyof typeof DURATION_UNITS_MS],
    0,
  );
  if (parts.length === 0) {
    throw new UsageError(`${flag} must be a duration with a unit, like 90s, 20m or 1h30m; got '${value}'`, flag);
  }
  if (ms < min || ms > max) {
    throw new UsageError(`${flag} must be from ${describeMs(min)} to ${describeMs(max)}, got '${value}'`, flag);
  }
  return ms;
}

function describeMs(ms: number): string {
  return ms % 3_600_000 === 0
    ? `${ms / 3_600_000}h`
    : ms % 60_000 === 0
      ? `${ms / 60_000}m`
      : ms % 1000 === 0
        ? `${ms / 1000}s`
        : `${ms}ms`;
}
