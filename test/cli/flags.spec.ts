import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/command.js';
import {
  choicesFlags,
  integerFlag,
  parseArgsWithNameLists,
  parseArgsWithOperands,
  parseStrictArgs,
  splitList,
} from '../../src/cli/flags.js';

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

describe('choicesFlags', () => {
  const known = ['a-choice', 'b-choice'];
  it('answers the set or the names given, and nothing when neither flag is', () => {
    expect(choicesFlags(undefined, undefined, known)).toBeUndefined();
    expect(choicesFlags('alternate', undefined, known)).toBe('alternate');
    expect(choicesFlags('default', [], known)).toBe('default');
    expect(choicesFlags(undefined, ['a-choice,b-choice', 'a-choice'], known)).toEqual(['a-choice', 'b-choice']);
  });

  it('refuses an unknown set or name (listing the known ones) and both flags together', () => {
    expect(() => choicesFlags('all', undefined, known)).toThrow(
      new UsageError("--choices must be default or alternate, got 'all'", '--choices'),
    );
    expect(() => choicesFlags(undefined, ['nope'], known)).toThrow(
      new UsageError('--choice nope: no such choice (known: a-choice, b-choice)', '--choice'),
    );
    expect(() => choicesFlags('alternate', ['a-choice'], known)).toThrow(/cannot be given together/);
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

describe('parseArgsWithOperands', () => {
  it('returns the flags and the operands, and names a bad flag', () => {
    expect(parseArgsWithOperands(['a', '--format', 'md', 'b'], { format: { type: 'string' } })).toEqual({
      values: { format: 'md' },
      operands: ['a', 'b'],
    });
    expect(() => parseArgsWithOperands(['--format'], { format: { type: 'string' } })).toThrow(
      expect.objectContaining({ name: 'UsageError', flag: '--format' }),
    );
  });
});

describe('parseArgsWithNameLists', () => {
  const config = { suite: { type: 'string', multiple: true }, strict: { type: 'boolean' } } as const;

  it('adds repeated, comma-separated and following names to their list flag', () => {
    expect(
      parseArgsWithNameLists(['--suite', 'a,b', 'c', '--strict', '--suite', 'd'], config, ['suite'], 'hint'),
    ).toEqual({ values: { suite: ['a,b', 'd'], strict: true }, lists: { suite: ['a', 'b', 'c', 'd'] } });
  });

  it('refuses a word after no list flag with the hint, and names an unknown flag', () => {
    expect(() => parseArgsWithNameLists(['--strict', 'x'], config, ['suite'], 'names follow --suite')).toThrow(
      new UsageError("unexpected argument 'x' (names follow --suite)"),
    );
    expect(() => parseArgsWithNameLists(['--nope'], config, ['suite'], 'hint')).toThrow(
      expect.objectContaining({ name: 'UsageError', flag: '--nope' }),
    );
  });
});
