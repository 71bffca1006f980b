import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderRequirementsDoc, REQUIREMENTS_DOC_FILE } from '../../scripts/generateRequirementsDoc.js';
import { loadCatalog } from '../../src/catalog/catalog.js';

const root = resolve(import.meta.dirname, '../..');
const catalog = loadCatalog(root);

describe('docs/requirements.md', () => {
  it('is up to date with the catalog (regenerate: npx tsx scripts/generateRequirementsDoc.ts)', async () => {
    const committed = readFileSync(join(root, REQUIREMENTS_DOC_FILE), 'utf8');
    expect(committed === (await renderRequirementsDoc(catalog, root))).toBe(true);
  });

  it('has one section per operation and one row per requirement', async () => {
    const text = await renderRequirementsDoc(catalog, root);
    for (const op of catalog.operations) expect(text).toContain(`\n## ${op.key}\n`);
    const rows = text.split('\n').filter((line) => /^\| `[A-Z0-9-]+` /.test(line));
    expect(rows).toHaveLength(catalog.requirements.length);
  });

  it('lists the statement of every documented requirement under its operation, and none of the others', async () => {
    const text = await renderRequirementsDoc(catalog, root);
    const documented = catalog.requirements.filter((r) => r.evidence === 'documented');
    expect(documented.length).toBeGreaterThan(0);
    for (const r of documented) if (r.statement) expect(text).toContain(`- \`${r.id}\`: ${r.statement}`);
    const first = catalog.requirements[0]!;
    const one = {
      ...catalog,
      requirements: [{ ...first, evidence: 'documented' as const, statement: 'SEED-C: says so' }],
    };
    const section = (await renderRequirementsDoc(one, root)).split('Documented by:')[1] ?? '';
    expect(section).toContain(`- \`${first.id}\`: SEED-C: says so`);
    const none = { ...catalog, requirements: [{ ...first, evidence: 'inferred' as const, statement: undefined }] };
    expect(await renderRequirementsDoc(none, root)).not.toContain('Documented by:');
  });

  it('escapes a pipe inside a rule so the table keeps its columns', async () => {
    const first = catalog.requirements[0]!;
    const tweaked = { ...catalog, requirements: [{ ...first, rule: 'a | b must not split the row' }] };
    const text = await renderRequirementsDoc(tweaked, root);
    expect(text).toContain('a \\| b must not split the row');
  });
});
