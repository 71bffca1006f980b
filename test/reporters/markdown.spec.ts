import { describe, expect, it } from 'vitest';
import { summaryMarkdown } from '../../src/reporters/markdown.js';
import { loadResults, withCheck } from './fixtures.js';

const results = loadResults('run-mixed');
const md = summaryMarkdown(results);

describe('summary.md', () => {
  it('starts with the verdict and the run, then the totals table', () => {
    expect(md.split('\n')[0]).toBe('## CIS conformance: 🔴 failed');
    expect(md).toContain('Target ` http://127.0.0.1:40123 ` · seed ` 1234 ` · run ` r-7f3a9c `');
    expect(md).toContain('| 162 | 0 | 4 | 3 | 3 | 1 | 173 |');
  });

  it('has the matrix as a table with one row per operation', () => {
    expect(md).toContain(
      '| operation | contract | semantics | token-types | permissions | isolation | robustness | properties | stateful |',
    );
    expect(md).toContain('| CLIENTS-CREATE | 🔴 2✓ 1✗ | 🟢 1✓ | 🔴 8✓ 1✗ | 🟢 4✓ |');
    expect(md).toContain('| ME-CONSENTS-LIST | 🟢 3✓ | 🟢 1✓ | 🟣 6✓ 1E | · | · |');
  });

  it('lists every failure with its re-run command, and the observations', () => {
    expect(md).toContain('### Failures, warnings and errors (8)');
    expect(md).toContain('<summary>🔴 <b>CLIENTS-CREATE-TOKEN-USER</b>');
    expect(md).toContain(
      '```sh\nnpx cis-conformance run --check CLIENTS-CREATE-TOKEN-USER --seed 1234 --target http://127.0.0.1:40123\n```',
    );
    expect(md).toContain('### Observations (16)');
    expect(md).toContain('**3 uncovered requirements**');
  });

  it('says when a run passed with warnings', () => {
    const clean = { ...results, summary: { passed: 10, observed: 0, failed: 0, warnings: 2, skipped: 0, errors: 0 } };
    expect(summaryMarkdown(clean).split('\n')[0]).toBe('## CIS conformance: 🟡 passed with warnings');
  });

  it('under choices, says so and names the choice that explains each warning (or that none does)', () => {
    const warned = withCheck(results, 0, {
      verdict: 'warning',
      message: 'CLIENTS-GET-200-ENVELOPE (inferred): observed a bare client, expected {"result": client}',
    });
    const other = withCheck(warned, 1, { verdict: 'warning', message: 'X-1 (inferred): observed a, expected b' });
    const md = summaryMarkdown({
      ...other,
      run: { ...other.run, choices: [{ name: 'clients-bare', flips: ['CLIENTS-GET-200-ENVELOPE'] }] },
    });
    expect(md).toContain('The reference ran with 1 choices');
    expect(md).toContain('Explained by the choice ` clients-bare `.');
    expect(md).toContain('Explained by the choice (none: a finding to look at).');
    expect(summaryMarkdown(results)).not.toContain('Explained by the choice');
  });

  it('cannot be broken out of a table cell or list item by a message', () => {
    const hostile = withCheck(results, 0, {
      title: 'a | b <img src=x onerror=alert(1)>',
      message: 'line\n## injected heading\n| x |',
    });
    const out = summaryMarkdown(hostile);
    expect(out).not.toContain('<img');
    expect(out).not.toMatch(/^## injected/m);
    expect(out).toContain('a \\| b &lt;img src=x onerror=alert(1)&gt;');
  });
});
