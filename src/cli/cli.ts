/**
 * The command-line front door without the process wiring (main.ts does that): dispatch to a command, `--help`,
 * `--version`, and short usage errors (the problem, the closest known name, a pointer to `--help`; exit 2).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findPackageRoot } from '../engine/index.js';
import { redactText } from '../reporters/redact.js';
import { UsageError, type CliIO } from './command.js';
import { closestName } from './flags.js';
import { COMMANDS } from './registry.js';

/** The exit code of a malformed invocation (README "Exit codes"). */
export const USAGE_EXIT_CODE = 2;

function topLevelUsage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length), 4);
  return [
    'Usage: cis-conformance <command> [options]',
    '       cis-conformance --version',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `cis-conformance <command> --help` for the options of one command.',
  ].join('\n');
}

/** The `version` of the package's own package.json. */
export function packageVersion(packageRoot: string = findPackageRoot()): string {
  const manifest = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version?: unknown };
  return typeof manifest.version === 'string' ? manifest.version : 'unknown';
}

/** Runs one invocation (argv without node and the script) and answers the exit code. */
export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(topLevelUsage());
    return name ? 0 : USAGE_EXIT_CODE;
  }
  if (name === '--version' || name === '-V' || name === 'version') {
    io.stdout(packageVersion());
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    const suggestion = closestName(
      name,
      COMMANDS.map((c) => c.name),
    );
    const what = name.startsWith('-') ? 'unknown option' : 'unknown command';
    io.stderr(`cis-conformance: ${what} '${name}'${suggestion ? ` (did you mean ${suggestion}?)` : ''}`);
    io.stderr('Run `cis-conformance --help` for the commands.');
    return USAGE_EXIT_CODE;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(command.usage);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`cis-conformance ${name}: ${redactText(error.message)}`);
      io.stderr(`Run \`cis-conformance ${name} --help\` for the options.`);
      return USAGE_EXIT_CODE;
    }
    // An unexpected failure keeps its stack (it is a bug to report), never a secret (a --target password).
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr(`cis-conformance ${name}: ${redactText(detail)}`);
    return 2;
  }
}
