/** Flag parsing every command shares: strict parsing with usage errors that name the flag, numbers, lists. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './command.js';

/** node:util parseArgs in strict mode, no positionals; a bad flag becomes a UsageError naming it. */
export function parseStrictArgs<T extends NonNullable<ParseArgsConfig['options']>>(args: readonly string[], config: T) {
  try {
    return parseArgs({ args: [...args], options: config, strict: true, allowPositionals: false }).values;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const flag = /'(-[^' ]+)/.exec(message)?.[1] ?? /'([^' ]+)'/.exec(message)?.[1];
    throw new UsageError(message.split('\n')[0] ?? message, flag);
  }
}

/** A whole number from `min` to `max`, or a UsageError naming the flag. */
export function integerFlag(flag: string, value: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const number = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(number) || number < min || number > max) {
    throw new UsageError(`${flag} must be a whole number from ${min} to ${max}, got '${value}'`, flag);
  }
  return number;
}

/** `a, b,,c` → `['a', 'b', 'c']`: comma-separated names, blanks dropped. */
export function splitList(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
