import { describe, expect, it } from 'vitest';
import { checkRecordId, checkTestName, requirementTestNamePattern, shortHash } from '../../src/suite/naming.js';

describe('check naming', () => {
  it('names the test [REQUIREMENT-ID] title (cell)', () => {
    expect(checkTestName({ requirement: 'CLIENTS-CREATE-201', title: 'creates' })).toBe('[CLIENTS-CREATE-201] creates');
    expect(checkTestName({ requirement: 'R-1', title: 't', cell: 'expired' })).toBe('[R-1] t (expired)');
  });

  it('selects exactly one requirement with --check, not ids that merely start the same', () => {
    const pattern = requirementTestNamePattern('CLIENTS-CREATE-201');
    expect(pattern.test('[CLIENTS-CREATE-201] a')).toBe(true);
    expect(pattern.test('[CLIENTS-CREATE-201-BODY] a')).toBe(false);
    expect(pattern.test('x [CLIENTS-CREATE-201] a')).toBe(false);
  });

  it('derives a record id from family, requirement and cell or title', () => {
    expect(checkRecordId({ requirement: 'R', title: 'Creates a Client!' }, 'contract')).toBe(
      'contract/R/creates-a-client',
    );
    expect(checkRecordId({ requirement: 'R', title: 't', cell: '[appId]:read only' }, 'permissions')).toBe(
      'permissions/R/[appid]:read-only',
    );
  });

  it('hashes stably to 7 base-36 characters', () => {
    expect(shortHash('abc')).toBe(shortHash('abc'));
    expect(shortHash('abc')).not.toBe(shortHash('abd'));
    expect(shortHash('x')).toMatch(/^[0-9a-z]{7}$/);
  });
});
