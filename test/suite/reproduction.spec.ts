import { describe, expect, it } from 'vitest';
import { reproductionCommand } from '../../src/suite/reproduction.js';
import type { SuiteRunConfig } from '../../src/suite/types.js';

const base = {
  seed: 42,
  strict: false,
  targetLabel: 'embedded',
  stateUrl: 'http://127.0.0.1:1/__conformance/state',
} as SuiteRunConfig;

describe('reproductionCommand', () => {
  it('carries the choices of the embedded target: the set alternate, or the names', () => {
    expect(reproductionCommand({ ...base, choices: 'alternate' }, 'R-1')).toBe(
      'npx cis-conformance run --check R-1 --seed 42 --target embedded --choices alternate',
    );
    expect(reproductionCommand({ ...base, choices: ['clients-bare', 'consent-delete-204'] }, 'R-1')).toBe(
      'npx cis-conformance run --check R-1 --seed 42 --target embedded --choice clients-bare,consent-delete-204',
    );
  });

  it('names the requirement, seed and target, plus the fault and --strict when set', () => {
    expect(reproductionCommand(base, 'R-1')).toBe('npx cis-conformance run --check R-1 --seed 42 --target embedded');
    expect(reproductionCommand({ ...base, fault: 'create-status-200', strict: true }, 'R-1')).toBe(
      'npx cis-conformance run --check R-1 --seed 42 --target embedded --fault create-status-200 --strict',
    );
  });

  it('adds --state-url only when it is not the conventional one of a URL target', () => {
    const url = { ...base, targetLabel: 'http://h:1', stateUrl: 'http://h:1/__conformance/state' };
    expect(reproductionCommand(url, 'R')).toBe('npx cis-conformance run --check R --seed 42 --target http://h:1');
    expect(reproductionCommand({ ...url, stateUrl: 'http://hook:2/state' }, 'R')).toContain(
      '--state-url http://hook:2/state',
    );
  });

  it('names a live host by the flags that select it again, and carries a replay path', () => {
    const live = { ...base, stateUrl: null };
    expect(reproductionCommand({ ...live, targetLabel: 'sandbox' }, 'R')).toBe(
      'npx cis-conformance run --check R --seed 42 --target sandbox',
    );
    expect(reproductionCommand({ ...live, targetLabel: 'production-eu' }, 'R')).toBe(
      'npx cis-conformance run --check R --seed 42 --target sandbox --production --region eu',
    );
    expect(reproductionCommand(base, 'R', '1:2@x')).toBe(
      'npx cis-conformance run --check R --seed 42 --target embedded --replay-path 1:2@x',
    );
  });
});
