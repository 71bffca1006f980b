import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contractProblem, describePactDifference, normalizePact, writeContract } from '../../src/pact/contractFiles.js';

const dir = mkdtempSync(join(tmpdir(), 'cis-contract-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const interaction = (description: string, status = 200) => ({
  description,
  providerStates: [{ name: 'an app exists', params: {} }],
  response: { status },
});
const pact = (interactions: unknown[], jsVersion = '16.5.0') => ({
  consumer: { name: 'c' },
  interactions,
  metadata: { 'pact-js': { version: jsVersion }, pactRust: { ffi: '0.5.4' }, pactSpecification: { version: '4.0' } },
});

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(content));
  return path;
}

describe('normalizePact', () => {
  it('ignores the pact-js and Rust core versions but keeps the specification version', () => {
    expect(normalizePact(pact([], '16.5.0'))).toEqual(normalizePact(pact([], '17.0.0')));
    expect(normalizePact(pact([]))).toHaveProperty('metadata.pactSpecification.version', '4.0');
  });
});

describe('describePactDifference', () => {
  it('names new, gone and changed interactions', () => {
    expect(describePactDifference(pact([interaction('a')]), pact([interaction('b')]))).toBe(
      'new: "b" given an app exists; gone: "a" given an app exists',
    );
    expect(describePactDifference(pact([interaction('a')]), pact([interaction('a', 201)]))).toBe(
      'changed: "a" given an app exists',
    );
  });
});

describe('contractProblem', () => {
  const generated = file('generated.json', pact([interaction('a')]));

  it('is null for a committed file that differs only in volatile metadata', () => {
    expect(contractProblem(generated, file('same.json', pact([interaction('a')], '99.0.0')))).toBeNull();
  });

  it('says what changed and how to regenerate', () => {
    const problem = contractProblem(generated, file('old.json', pact([])));
    expect(problem).toContain('is out of date (new: "a" given an app exists)');
    expect(problem).toContain('npx tsx scripts/generateContracts.ts');
  });

  it('reports a missing committed file with the same hint', () => {
    expect(contractProblem(generated, join(dir, 'missing.json'))).toMatch(/cannot be read .*generateContracts/);
  });
});

describe('writeContract', () => {
  it('writes the generated pact pretty-printed, after which it is up to date', () => {
    const generated = file('fresh.json', pact([interaction('x')]));
    const committed = join(dir, 'committed.json');
    writeContract(generated, committed);
    expect(readFileSync(committed, 'utf8')).toBe(`${JSON.stringify(pact([interaction('x')]), null, 2)}\n`);
    expect(contractProblem(generated, committed)).toBeNull();
  });
});
