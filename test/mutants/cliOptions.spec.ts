// Tests src/cli/commands/mutants.ts (kept under test/mutants/ with the rest of the mutation-testing tests).
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/command.js';
import { DEFAULT_MUTANTS_DIR, resolveMutantsOptions } from '../../src/cli/commands/mutants.js';
import { DEFAULT_RUNS, DEFAULT_TIMEOUT_MS } from '../../src/cli/options.js';
import { COMMANDS } from '../../src/cli/registry.js';

const context = {
  cwd: '/work/here',
  knownSuites: ['contract', 'semantics', 'smoke'],
  knownFaults: ['create-status-200', 'envelope-missing', 'no-tenant-check'],
  knownChoices: ['clients-bare', 'consent-delete-204'],
  randomSeed: () => 99,
  cores: 2,
};
const resolve = (...args: string[]) => resolveMutantsOptions(args, context);

function usageError(args: string[]): UsageError {
  try {
    resolve(...args);
  } catch (error) {
    if (error instanceof UsageError) return error;
    throw error;
  }
  throw new Error(`no usage error for ${args.join(' ')}`);
}

describe('mutants options: choices', () => {
  it('passes --choices and --choice names to the config, and refuses unknown names', () => {
    expect(resolve('--choices', 'alternate').config.choices).toBe('alternate');
    expect(resolve('--choice', 'clients-bare', 'consent-delete-204').config.choices).toEqual([
      'clients-bare',
      'consent-delete-204',
    ]);
    expect(resolve().config.choices).toBeUndefined();
    expect(usageError(['--choice', 'nope']).message).toMatch(
      /no such choice \(known: clients-bare, consent-delete-204\)/,
    );
  });
});

describe('mutants options', () => {
  it('defaults to every fault and suite, a random seed, the run defaults and reports/mutants', () => {
    expect(resolve()).toEqual({
      config: {
        faults: [],
        suites: [],
        seed: 99,
        runs: DEFAULT_RUNS,
        reportDir: `/work/here/${DEFAULT_MUTANTS_DIR}`,
        failFast: false,
        requestTimeoutMs: DEFAULT_TIMEOUT_MS,
      },
      maxWorkers: 2,
    });
  });

  it('takes faults and suites repeated, comma-separated or as names after the flag, without duplicates', () => {
    const { config } = resolve(
      '--fault',
      'create-status-200,envelope-missing',
      'no-tenant-check',
      '--suite',
      'smoke',
      '--fault',
      'envelope-missing',
      '--suite=contract',
    );
    expect(config.faults).toEqual(['create-status-200', 'envelope-missing', 'no-tenant-check']);
    expect(config.suites).toEqual(['smoke', 'contract']);
  });

  it('reads seed, runs, workers, timeout, report dir and fail-fast, and freezes the result', () => {
    const resolved = resolve(
      ...[
        '--seed',
        '5',
        '--runs',
        '3',
        '--workers',
        '1',
        '--timeout',
        '2000',
        '--report-dir',
        '/abs/out',
        '--fail-fast',
      ],
    );
    expect(resolved.config).toMatchObject({
      seed: 5,
      runs: 3,
      requestTimeoutMs: 2000,
      reportDir: '/abs/out',
      failFast: true,
    });
    expect(resolved.maxWorkers).toBe(1);
    expect(Object.isFrozen(resolved.config)).toBe(true);
  });

  it('names the flag of every bad value', () => {
    expect(usageError(['--fault', 'bogus']).message).toBe(
      '--fault bogus: no such fault (known: create-status-200, envelope-missing, no-tenant-check)',
    );
    expect(usageError(['--suite', 'nope']).flag).toBe('--suite');
    expect(usageError(['--seed', '-1']).flag).toBe('--seed');
    expect(usageError(['--runs', '0']).message).toBe("--runs must be a whole number from 1 to 100000, got '0'");
    expect(usageError(['--workers', 'many']).flag).toBe('--workers');
    expect(usageError(['--check', 'X']).message).toMatch(/unknown flag --check/);
    expect(usageError(['stray']).message).toMatch(/unexpected argument 'stray'/);
  });

  it('is registered as a CLI command', () => {
    expect(COMMANDS.map((c) => c.name)).toContain('mutants');
  });
});
