/**
 * Writes docs/requirements.md from schemas/requirements.json: one table per operation.
 * Run with `npx tsx scripts/generateRequirementsDoc.ts`; test/scripts/generateRequirementsDoc.spec.ts
 * fails when the committed file is out of date.
 */
import { writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CATALOG_FILE, loadCatalog, operationLabel } from '../src/catalog/catalog.js';
import { EVIDENCE_LEVELS } from '../src/model/verdict.js';
import type { RequirementCatalog } from '../src/model/requirement.js';

export const REQUIREMENTS_DOC_FILE = 'docs/requirements.md';

/**
 * The Markdown text, formatted by prettier with the repository's config so that `npm run format`
 * leaves the committed file unchanged.
 */
export async function renderRequirementsDoc(catalog: RequirementCatalog, packageRoot: string): Promise<string> {
  const config = (await resolveConfig(join(packageRoot, REQUIREMENTS_DOC_FILE))) ?? {};
  return format(requirementsMarkdown(catalog), { ...config, parser: 'markdown' });
}

function requirementsMarkdown(catalog: RequirementCatalog): string {
  const counts = EVIDENCE_LEVELS.map(
    (level) => `${catalog.requirements.filter((r) => r.evidence === level).length} ${level}`,
  );
  const lines: string[] = [
    '# Requirements',
    '',
    `Generated from \`${CATALOG_FILE}\` by \`npx tsx scripts/generateRequirementsDoc.ts\`; do not edit by hand.`,
    '',
    `${catalog.requirements.length} requirements: ${counts.join(', ')}.`,
    'A violated **documented** rule fails the run; an **inferred** one is a warning (failed under `--strict`);',
    'an **observation** never gets a verdict: the run records what the target did.',
    'Sources are the tags of `docs/facts.md §0`; the choices on unknowns are in `docs/decisions.md`.',
    'Each documented rule names, under "Documented by", the statement that makes it documented for its path and case',
    '(led by its source tag; `docs/decisions.md` "Catalog audit").',
    '',
    '## Operations',
    '',
    '| key | operation | operationId | requirements |',
    '|---|---|---|---|',
  ];
  for (const op of catalog.operations) {
    const count = catalog.requirements.filter((r) => r.operation === operationLabel(op)).length;
    lines.push(`| [${op.key}](#${anchor(op.key)}) | \`${operationLabel(op)}\` | \`${op.operationId}\` | ${count} |`);
  }
  for (const op of catalog.operations) {
    lines.push('', `## ${op.key}`, '', `\`${operationLabel(op)}\` (operationId \`${op.operationId}\`)`, '');
    lines.push('| id | evidence | family | rule | sources |', '|---|---|---|---|---|');
    const rows = catalog.requirements.filter((x) => x.operation === operationLabel(op));
    for (const r of rows) {
      lines.push(`| ${[`\`${r.id}\``, r.evidence, r.family, cell(r.rule), r.sources.join(', ')].join(' | ')} |`);
    }
    // Statements and notes go below the table: as columns they would pad every row to the longest one.
    const stated = rows.filter((r) => r.statement);
    if (stated.length > 0)
      lines.push('', 'Documented by:', '', ...stated.map((r) => `- \`${r.id}\`: ${r.statement ?? ''}`));
    const noted = rows.filter((r) => r.notes);
    if (noted.length > 0) lines.push('', 'Notes:', '', ...noted.map((r) => `- \`${r.id}\`: ${r.notes ?? ''}`));
  }
  return `${lines.join('\n')}\n`;
}

/** GitHub's heading anchor for a key such as `CLIENTS-CREATE`. */
function anchor(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^a-z0-9 -]/g, '')
    .replace(/ /g, '-');
}

/** A table cell: pipes escaped, line breaks flattened. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

async function main(): Promise<void> {
  const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const target = join(packageRoot, REQUIREMENTS_DOC_FILE);
  writeFileSync(target, await renderRequirementsDoc(loadCatalog(packageRoot), packageRoot));
  console.log(`wrote ${target}`);
}

// Run only when executed directly, not when the test imports the renderer.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
