import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { renderCommandsTable, renderReadme, withCommandsTable } from '../../scripts/generateReadmeCommands.js';
import { COMMANDS } from '../../src/cli/registry.js';

const readmePath = fileURLToPath(new URL('../../README.md', import.meta.url));
const readme = readFileSync(readmePath, 'utf8');

describe('README commands table', () => {
  it('lists every registered command, derived from the registry', () => {
    const table = renderCommandsTable();
    for (const command of COMMANDS) expect(table).toContain(command.summary.replace(/\|/g, '\\|'));
    expect(readme).toContain('npx cis-conformance mutants');
    expect(table.split('\n')).toHaveLength(COMMANDS.length + 2);
  });

  it('is up to date in README.md (regenerate: npx tsx scripts/generateReadmeCommands.ts)', async () => {
    expect(await renderReadme(readme, readmePath)).toBe(readme);
  });

  it('refuses a README without the generated block', () => {
    expect(() => withCommandsTable('# no block here')).toThrow(/commands:start/);
  });
});
