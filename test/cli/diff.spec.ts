import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UsageError, type CliIO } from '../../src/cli/command.js';
import { diffCommand, resolveDiffOptions } from '../../src/cli/commands/diff.js';
import { check, observation, results } from '../drift/support/results.js';

const dir = mkdtempSync(join(tmpdir(), 'cis-diff-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function io(): CliIO & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (l) => out.push(l), stderr: (l) => err.push(l), stopSignal: new Promise(() => undefined) };
}
function write(name: string, data: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, typeof data === 'string' ? data : JSON.stringify(data));
  return file;
}

const last = write(
  'last.json',
  results('r1', [check('c/A-1/x', 'passed'), check('c/B-1/x', 'failed')], [observation('O', 'c', 'q', '404')]),
);
const fixed = write(
  'fixed.json',
  results('r2', [check('c/A-1/x', 'passed'), check('c/B-1/x', 'passed')], [observation('O', 'c', 'q', '404')]),
);
const broke = write(
  'broke.json',
  results(
    'r3',
    [check('c/A-1/x', 'failed', 'observed 500'), check('c/B-1/x', 'failed')],
    [observation('O', 'c', 'q', '404')],
  ),
);
const moved = write(
  'moved.json',
  results('r4', [check('c/A-1/x', 'passed'), check('c/B-1/x', 'failed')], [observation('O', 'c', 'q', '200')]),
);

describe('diff options', () => {
  it('takes two paths and a format', () => {
    expect(resolveDiffOptions(['a', 'b/results.json', '--format', 'md'], '/w')).toEqual({
      older: '/w/a',
      newer: '/w/b/results.json',
      format: 'md',
    });
  });

  it.each([
    [['a'], /two results \(OLD NEW\), got 1/],
    [['a', 'b', 'c'], /got 3/],
    [['a', 'b', '--format', 'html'], /--format must be text or md/],
    [['a', 'b', '--nope'], /^unknown flag --nope$/],
  ])('rejects %j', (args, message) => {
    expect(() => resolveDiffOptions(args, '/w')).toThrow(UsageError);
    expect(() => resolveDiffOptions(args, '/w')).toThrow(message);
  });
});

describe('the diff command', () => {
  it('exits 0 on fixes only, 1 on a new failure or a changed observation', async () => {
    const quiet = io();
    expect(await diffCommand.run([last, fixed], quiet)).toBe(0);
    expect(quiet.out.join('\n')).toContain('Fixes (1):\n  c/B-1/x [B-1] failed → passed');
    const failing = io();
    expect(await diffCommand.run([last, broke], failing)).toBe(1);
    expect(failing.out.join('\n')).toContain('New failures (1):\n  c/A-1/x [A-1] passed → failed: observed 500');
    const observed = io();
    expect(await diffCommand.run([last, moved], observed)).toBe(1);
    expect(observed.out.join('\n')).toContain('Changed observations (1):\n  O (c) q: "404" → "200"');
  });

  it('reads report directories and writes markdown', async () => {
    const a = join(dir, 'night-1');
    mkdirSync(a);
    write('night-1/results.json', JSON.parse(JSON.stringify(results('r1', [check('c/A-1/x', 'passed')]))));
    const out = io();
    expect(await diffCommand.run([a, broke, '--format', 'md'], out)).toBe(1);
    expect(out.out.join('\n')).toMatch(
      /^## cis-conformance drift[\s\S]*\| `c\/A-1\/x` \| A-1 \| passed → failed \| observed 500 \|/,
    );
  });

  it('exits 2 naming a missing or malformed file', async () => {
    const missing = io();
    expect(await diffCommand.run([join(dir, 'nope.json'), last], missing)).toBe(2);
    expect(missing.err[0]).toMatch(/nope\.json: not found/);
    const garbage = io();
    expect(await diffCommand.run([last, write('bad.json', '{"run": 1}')], garbage)).toBe(2);
    expect(garbage.err[0]).toMatch(/bad\.json: is not a cis-conformance results file/);
  });
});
