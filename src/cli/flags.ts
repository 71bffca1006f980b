/** Flag parsing every command shares: strict parsing with usage errors that name the flag, numbers, lists. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './command.js';

type FlagConfig = NonNullable<ParseArgsConfig['options']>;

/** node:util parseArgs in strict mode, no positionals; a bad flag becomes a UsageError naming it. */
export function parseStrictArgs<T extends FlagConfig>(args: readonly string[], config: T) {
  return asUsageError(
    () => parseArgs({ args: [...args], options: config, strict: true, allowPositionals: false }).values,
  );
}

/** parseStrictArgs for a command that also takes operands (`diff OLD NEW`, `merge-reports DIR...`). */
export function parseArgsWithOperands<T extends FlagConfig>(args: readonly string[], config: T) {
  return asUsageError(() => {
    const { values, positionals } = parseArgs({
      args: [...args],
      options: config,
      strict: true,
      allowPositionals: true,
    });
    return { values, operands: positionals };
  });
}

/**
 * parseStrictArgs where each flag of `lists` takes names: repeated, comma-separated, or as the words after it
 * (`--suite a b`, `--suite a,b`). A word that follows no list flag is a UsageError: `unexpected argument 'x' (hint)`.
 */
export function parseArgsWithNameLists<T extends FlagConfig, L extends keyof T & string>(
  args: readonly string[],
  config: T,
  lists: readonly L[],
  hint: string,
) {
  const parsed = asUsageError(() =>
    parseArgs({ args: [...args], options: config, strict: true, allowPositionals: true, tokens: true }),
  );
  const names = Object.fromEntries(lists.map((flag) => [flag, [] as string[]])) as Record<L, string[]>;
  let listFlag: L | undefined;
  for (const token of parsed.tokens) {
    if (token.kind === 'option') {
      listFlag = (lists as readonly string[]).includes(token.name) ? (token.name as L) : undefined;
      if (listFlag && token.value !== undefined) names[listFlag].push(...splitList(token.value));
    } else if (token.kind === 'positional' && listFlag) {
      names[listFlag].push(...splitList(token.value));
    } else if (token.kind === 'positional') {
      throw new UsageError(`unexpected argument '${token.value}' (${hint})`);
    }
  }
  return { values: parsed.values, lists: names };
}

function asUsageError<R>(parse: () => R): R {
  try {
    return parse();
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

/**
 * `--choices default|alternate` and `--choice NAME` (repeatable, comma-separated) resolved into what the embedded
 * reference takes (reference/choices.ts); undefined when neither flag was given. Unknown names are usage errors.
 */
export function choicesFlags(
  choices: string | undefined,
  choice: readonly string[] | undefined,
  known: readonly string[],
): 'default' | 'alternate' | readonly string[] | undefined {
  const names = (choice ?? []).flatMap(splitList);
  if (choices !== undefined && choices !== 'default' && choices !== 'alternate') {
    throw new UsageError(`--choices must be default or alternate, got '${choices}'`, '--choices');
  }
  if (choices !== undefined && names.length > 0) {
    throw new UsageError('--choices and --choice cannot be given together', '--choice');
  }
  for (const name of names) {
    if (!known.includes(name)) {
      throw new UsageError(`--choice ${name}: no such choice (known: ${known.join(', ')})`, '--choice');
    }
  }
  if (names.length > 0) return [...new Set(names)];
  return choices as 'default' | 'alternate' | undefined;
}

/** `a, b,,c` → `['a', 'b', 'c']`: comma-separated names, blanks dropped. */
export function splitList(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
