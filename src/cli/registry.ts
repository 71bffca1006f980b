import type { CliCommand } from './command.js';
import { cleanupCommand } from './commands/cleanup.js';
import { diffCommand } from './commands/diff.js';
import { issuerCommand } from './commands/issuer.js';
import { mergeReportsCommand } from './commands/mergeReports.js';
import { mutantsCommand } from './commands/mutants.js';
import { pactCommand } from './commands/pact.js';
import { runCommand } from './commands/run.js';
import { sandboxStandinCommand } from './commands/sandboxStandin.js';
import { serveCommand } from './commands/serve.js';
import { tokenCommand } from './commands/token.js';

/**
 * Every sub-command, in the order `--help` lists them. Adding a command touches its file, its test and this list.
 */
export const COMMANDS: readonly CliCommand[] = [
  runCommand,
  serveCommand,
  issuerCommand,
  tokenCommand,
  mergeReportsCommand,
  pactCommand,
  mutantsCommand,
  cleanupCommand,
  sandboxStandinCommand,
  diffCommand,
];
