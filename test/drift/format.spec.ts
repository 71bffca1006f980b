import { describe, expect, it } from 'vitest';
import { diffResults } from '../../src/drift/diff.js';
import { formatDriftMarkdown, formatDriftText, headline } from '../../src/drift/format.js';
import { check, observation, results } from './support/results.js';

const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';
const OLD = results('r1', [check('c/A-1/x', 'passed')], [observation('O-1', 'c/O/x', 'q | pipe', 'before')]);
const NEW = results(
  'r2',
  [check('c/A-1/x', 'failed', `observed | "${JWT}"\nsecond line`)],
  [observation('O-1', 'c/O/x', 'q | pipe', 'after')],
);

describe('drift formats', () => {
  const drift = diffResults(OLD, NEW);

  it('prints each section with its items, one line each, secrets redacted', () => {
    const text = formatDriftText(drift);
    expect(text).toContain(
      'DRIFT: 1 new failure(s), 0 fix(es), 0 new check(s), 0 removed check(s), 1 changed observation(s)',
    );
    expect(text).toContain('New failures (1):\n  c/A-1/x [A-1] passed → failed: observed | "[REDACTED]" second line');
    expect(text).toContain('Changed observations (1):\n  O-1 (c/O/x) q | pipe: "before" → "after"');
    expect(text).not.toContain(JWT);
  });

  it('writes markdown tables whose cells cannot break the row', () => {
    const md = formatDriftMarkdown(drift);
    expect(md).toContain('## cis-conformance drift');
    expect(md).toContain('| `c/A-1/x` | A-1 | passed → failed | observed \\| "[REDACTED]" second line |');
    expect(md).toContain('| O-1 | q \\| pipe | "before" | "after" |');
  });

  it('says so when nothing needs attention', () => {
    expect(headline(diffResults(OLD, OLD))).toMatch(/^No drift that needs attention: 0 new failure/);
    expect(formatDriftText(diffResults(OLD, OLD))).not.toContain('New failures');
  });
});
