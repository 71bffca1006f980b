import type { CliCommand } from './command.js';

/**
 * Every sub-command, in the order `--help` lists them. Adding a command touches its file, its test and this list.
 */
export const COMMANDS: readonly CliCommand[] = [];
