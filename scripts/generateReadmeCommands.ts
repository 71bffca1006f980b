/**
 * Regenerates the commands table of README.md from the CLI registry (derive, don't repeat):
 * `npx tsx scripts/generateReadmeCommands.ts`. test/scripts/generateReadmeCommands.spec.ts fails when it is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { COMMANDS } from '../src/cli/registry.js';
import type { CliCommand } from '../src/cli/command.js';

const START = '<!-- commands:start -->';
const END = '<!-- commands:end -->';

/** The synopses are the usage text's opening lines ("Usage: cis-conformance run [options]", and any alternatives). */
function synopses(command: CliCommand): string[] {
  const lines = command.usage.split('\n');
  const opening = lines.slice(
    0,
    Math.max(
      1,
      lines.findIndex((line) => line.trim() === ''),
    ),
  );
  return opening
    .map((line) => line.trim().replace(/^usage:\s*/i, ''))
    .filter((line) => line.startsWith('cis-conformance'))
    .map((line) => line.replace(/^cis-conformance\s+/, 'npx cis-conformance '));
}

export function renderCommandsTable(commands: readonly CliCommand[] = COMMANDS): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  const rows = commands.map(
    (c) =>
      `| ${(synopses(c).length > 0 ? synopses(c) : [c.name]).map((s) => `\`${cell(s)}\``).join('<br>')} | ${cell(c.summary)} |`,
  );
  return ['| command | what it does |', '|---|---|', ...rows].join('\n');
}

export function withCommandsTable(readme: string, table: string = renderCommandsTable()): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md has no ${START} … ${END} block`);
  return `${readme.slice(0, start + START.length)}\n${table}\n${readme.slice(end)}`;
}

/** README.md with a fresh commands table, formatted as `npm run format` would leave it (so the two never disagree). */
export async function renderReadme(readme: string, path: string): Promise<string> {
  const options = (await resolveConfig(path)) ?? {};
  return format(withCommandsTable(readme), { ...options, filepath: path });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const path = fileURLToPath(new URL('../README.md', import.meta.url));
  writeFileSync(path, await renderReadme(readFileSync(path, 'utf8'), path));
}
