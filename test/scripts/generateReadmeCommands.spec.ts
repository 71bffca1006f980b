import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderCommandsTable, withCommandsTable } from '../../scripts/generateReadmeCommands.js';
import { COMMANDS } from '../../src/cli/registry.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('README commands table', () => {
  it('lists every registered command, derived from the registry', () => {
    const table = renderCommandsTable();
    for (const command of COMMANDS) expect(table).toContain(command.summary.replace(/\|/g, '\\|'));
    expect(table.split('\n')).toHaveLength(COMMANDS.length + 2);
  });

  it('is up to date in README.md (regenerate: npx tsx scripts/generateReadmeCommands.ts)', () => {
    expect(withCommandsTable(readme)).toBe(readme);
  });

  it('refuses a README without the generated block', () => {
    expect(() => withCommandsTable('# no block here')).toThrow(/commands:start/);
  });
});
