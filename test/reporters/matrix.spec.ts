import { describe, expect, it } from 'vitest';
import { conformanceMatrix, labelRows } from '../../src/reporters/matrix.js';
import { loadResults } from './fixtures.js';

const results = loadResults('run-mixed');

describe('conformanceMatrix', () => {
  const matrix = conformanceMatrix(results.checks);

  it('lists operations in the docs order and only families that have checks', () => {
    expect(matrix.operations[0]).toBe('POST /v1/clients');
    expect(matrix.operations.at(-1)).toBe('GET /v1/consents/me');
    expect(matrix.families).not.toContain('pact');
    expect(matrix.absentFamilies).toEqual(['pact']);
  });

  it('counts every check exactly once', () => {
    const cellTotal = matrix.operations
      .flatMap((operation) => matrix.families.map((family) => matrix.cell(operation, family)))
      .reduce((sum, cell) => sum + (cell ? Object.values(cell.counts).reduce((a, b) => a + b, 0) : 0), 0);
    expect(cellTotal).toBe(results.checks.length);
  });

  it('marks a cell with its worst verdict', () => {
    expect(matrix.cell('POST /v1/clients', 'token-types')).toMatchObject({
      worst: 'failed',
      counts: { passed: 8, observed: 0, failed: 1 },
    });
    expect(matrix.cell('GET /v1/consents/me', 'token-types')?.worst).toBe('error');
    expect(matrix.cell('GET /v1/consents', 'semantics')?.worst).toBe('skipped');
    expect(matrix.cell('GET /v1/consents/me', 'permissions')).toBeUndefined();
  });
});

describe('labelRows', () => {
  it('groups one operation family by cell label, in the suites order', () => {
    const rows = labelRows(results.checks, 'POST /v1/clients', 'token-types');
    expect(rows.map((row) => row.label)).toEqual([
      'no token',
      'malformed',
      'forged signature',
      'alg none',
      'expired',
      'wrong audience',
      'client token',
      'admin token',
      'user token',
    ]);
    expect(rows.find((row) => row.label === 'user token')?.worst).toBe('failed');
  });

  it('falls back to the title for checks without a cell label and keeps the worst verdict of a shared label', () => {
    const [first, second] = results.checks;
    const checks = [
      { ...first!, cell: undefined, verdict: 'passed' as const },
      {
        ...second!,
        operation: first!.operation,
        family: first!.family,
        cell: undefined,
        title: first!.title,
        verdict: 'warning' as const,
      },
    ];
    expect(labelRows(checks, first!.operation, first!.family)).toMatchObject([
      { label: first!.title, worst: 'warning' },
    ]);
  });
});
