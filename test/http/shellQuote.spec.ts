import { describe, expect, it } from 'vitest';
import { shellQuote, shellWord } from '../../src/http/shellQuote.js';

describe('shellQuote', () => {
  it('single-quotes every text, a quote inside included', () => {
    expect(shellQuote('plain')).toBe("'plain'");
    expect(shellQuote("it's")).toBe("'it'\\''s'");
  });
});

describe('shellWord', () => {
  it('leaves a word the shell reads as is, and quotes anything else', () => {
    expect(shellWord('http://127.0.0.1:1/cis')).toBe('http://127.0.0.1:1/cis');
    expect(shellWord('a-choice,b-choice')).toBe('a-choice,b-choice');
    expect(shellWord('$.body[0]')).toBe("'$.body[0]'");
    expect(shellWord("it's")).toBe("'it'\\''s'");
    expect(shellWord('')).toBe("''");
  });
});
