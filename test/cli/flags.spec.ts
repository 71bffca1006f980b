import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/command.js';
import { integerFlag, parseStrictArgs, splitList } from '../../src/cli/flags.js';

describe('integerFlag', () => {
  it('takes a whole number within its bounds', () => {
    expect(integerFlag('--runs', '7', 1, 10)).toBe(7);
    expect(integerFlag('--port', '0', 0)).toBe(0);
  });

  it.each(['x', '-1', '1.5', '11', ''])('refuses %j naming the flag and the bounds', (value) => {
    expect(() => integerFlag('--runs', value, 0, 10)).toThrow(
      new UsageError(`--runs must be a whole number from 0 to 10, got '${value}'`, '--runs'),
    );
  });
});

describe('splitList', () => {
  it('splits on commas and drops blanks', () => {
    expect(splitList(' a, b,,c ')).toEqual(['a', 'b', 'c']);
  });
});

describe('parseStrictArgs', () => {
  it('turns an unknown flag into a UsageError naming it', () => {
    expect(parseStrictArgs(['--port', '1'], { port: { type: 'string' } })).toEqual({ port: '1' });
    try {
      parseStrictArgs(['--nope'], { port: { type: 'string' } });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(UsageError);
      expect((error as UsageError).flag).toBe('--nope');
    }
  });
});
