import { describe, expect, it } from 'vitest';
import { DEFAULT_PROFILE_RUNS, resolveProfile, RUN_PROFILE_NAMES } from '../../src/engine/profiles.js';

describe('run profiles', () => {
  it('default runs the every-commit number of cases', () => {
    expect(resolveProfile('default')).toMatchObject({ name: 'default', runs: DEFAULT_PROFILE_RUNS });
  });

  it('nightly runs ten times more cases than default', () => {
    expect(resolveProfile('nightly').runs).toBe(resolveProfile('default').runs * 10);
  });

  it('lists exactly the two profiles', () => {
    expect(RUN_PROFILE_NAMES).toEqual(['default', 'nightly']);
  });

  it('refuses an unknown name, naming the known ones', () => {
    expect(() => resolveProfile('weekly')).toThrow('unknown run profile "weekly" (known: default, nightly)');
    expect(() => resolveProfile('toString')).toThrow('unknown run profile');
  });
});
