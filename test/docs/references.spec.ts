/**
 * The sources come home (issue 17): what the code cites from the design brief and the fact sheet is in `docs/`,
 * every `docs/<file>.md §N`, `#N` or `"Heading"` reference in the project resolves, and nothing outside `docs/`
 * still cites the brief or the fact sheet where they lived outside this repository.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findReferences, OUTSIDE_CITATION, unresolved, type DocReader } from './docReferences.js';

const root = resolve(import.meta.dirname, '../..');
const SCANNED = [
  'src',
  'suites',
  'reference',
  'scripts',
  'bin',
  'schemas',
  'fixtures',
  'test',
  'ARCHITECTURE.md',
  'README.md',
];
/** This folder holds the resolver's own bad samples. */
const SKIPPED = ['test/docs'];
const TEXT = /\.(ts|js|json|ya?ml|md)$/;

function filesUnder(path: string): string[] {
  const rel = relative(root, path);
  if (SKIPPED.includes(rel)) return [];
  if (!statSync(path).isDirectory()) return TEXT.test(path) ? [rel] : [];
  return readdirSync(path).flatMap((name) => filesUnder(join(path, name)));
}

const files = SCANNED.flatMap((entry) => filesUnder(join(root, entry)));
const texts = new Map(files.map((file) => [file, readFileSync(join(root, file), 'utf8')]));
const docs = new Map<string, readonly string[] | undefined>();
const readDoc: DocReader = (doc) => {
  if (!docs.has(doc)) {
    const path = join(root, doc);
    docs.set(
      doc,
      statSync(path, { throwIfNoEntry: false })?.isFile() ? readFileSync(path, 'utf8').split('\n') : undefined,
    );
  }
  return docs.get(doc);
};

describe('references to docs/', () => {
  it('are found across the project (the scan is not vacuous)', () => {
    const targets = new Set([...texts].flatMap(([file, text]) => findReferences(file, text)).map((r) => r.doc));
    expect([...targets]).toEqual(expect.arrayContaining(['docs/facts.md', 'docs/design.md', 'docs/decisions.md']));
  });

  it('every docs/<file>.md §N, #N and "Heading" reference resolves', () => {
    const broken = [...texts].flatMap(([file, text]) =>
      findReferences(file, text).flatMap((ref) => {
        const why = unresolved(ref, readDoc);
        return why === undefined ? [] : [`${ref.file}:${ref.line}: ${ref.text} — ${why}`];
      }),
    );
    expect(broken).toEqual([]);
  });

  it('no file outside docs/ cites DESIGN.md or FACTS (they are docs/design.md and docs/facts.md now)', () => {
    const stale = [...texts].flatMap(([file, text]) =>
      text.split('\n').flatMap((line, i) => (OUTSIDE_CITATION.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(stale).toEqual([]);
  });
});

describe('the resolver', () => {
  const sample = (text: string) => findReferences('sample.ts', text).map((ref) => unresolved(ref, readDoc));

  it('resolves sections, list items, ranges, numbered decisions and headings', () => {
    expect(sample('// docs/facts.md §5.1 #6; docs/facts.md §4.3–4.5, §2.0.1, §2')).toEqual(Array(5).fill(undefined));
    expect(sample('/* docs/design.md §2.3 and docs/decisions.md #28, decisions #13–#20 */')).toEqual(
      Array(4).fill(undefined),
    );
    expect(sample('(docs/decisions.md "Catalog audit"; docs/guides/pact.md "What the contracts hold")')).toEqual([
      undefined,
      undefined,
    ]);
    expect(sample(' * the app (docs/facts.md\n * §1.3), decisions.md\n * #11')).toEqual([undefined, undefined]);
  });

  it('reports a reference that does not resolve, with the reason', () => {
    expect(sample('// docs/facts.md §9.9')).toEqual(['docs/facts.md has no section §9.9']);
    expect(sample('// docs/facts.md §5.1 #99')).toEqual(['docs/facts.md §5.1 has no item 99']);
    expect(sample('// docs/design.md §2.2, §7')).toEqual([undefined, 'docs/design.md has no section §7']);
    expect(sample('// decisions.md #8, #999')).toEqual([undefined, 'docs/decisions.md has no numbered decision 999']);
    expect(sample('// docs/decisions.md "No such heading"')).toEqual([
      'docs/decisions.md has no heading "No such heading"',
    ]);
    expect(sample('// docs/missing.md §1')).toEqual(['docs/missing.md does not exist']);
  });

  it('flags the old citations of the brief and the fact sheet', () => {
    for (const line of ['// (DESIGN.md "State hook")', '// FACTS §1.4', '// see ../shared/api/FACTS.md'])
      expect(OUTSIDE_CITATION.test(line)).toBe(true);
    expect(OUTSIDE_CITATION.test('// docs/facts.md §1.4, docs/design.md §2.3')).toBe(false);
  });
});
