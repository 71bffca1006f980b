import { describe, expect, it } from 'vitest';
import { violationVerdict, worstVerdict, VERDICTS } from '../../src/model/verdict.js';

describe('violationVerdict', () => {
  it('fails a documented rule whatever the strictness', () => {
    expect(violationVerdict('documented', false)).toBe('failed');
    expect(violationVerdict('documented', true)).toBe('failed');
  });
  it('warns on an inferred rule, and fails it under --strict', () => {
    expect(violationVerdict('inferred', false)).toBe('warning');
    expect(violationVerdict('inferred', true)).toBe('failed');
  });
  it('never gives a verdict for an observation', () => {
    expect(violationVerdict('observation', true)).toBe('observed');
  });
});

describe('worstVerdict', () => {
  it('orders failed > error > warning > skipped > observed > passed', () => {
    for (let i = 0; i < VERDICTS.length; i++)
      for (let j = 0; j < VERDICTS.length; j++)
        expect(worstVerdict(VERDICTS[i]!, VERDICTS[j]!)).toBe(VERDICTS[Math.min(i, j)]);
  });
});
