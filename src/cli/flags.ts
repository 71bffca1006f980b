/** Flag parsing every command shares: strict parsing with usage errors that name the flag, numbers, lists. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './command.js';

type FlagConfig = NonNullable<ParseArgsConfig['options']>;

/** node:util parseArgs in strict mode, no positionals; a bad flag becomes a UsageError naming it. */
export function parseStrictArgs<T extends FlagConfig>(args: readonly string[], config: T) {
  return asUsageError(
    config,
    () =>
      parseArgs({ args: joinDashValues(args, config), options: config, strict: true, allowPositionals: false }).values,
  );
}

/** parseStrictArgs for a command that also takes operands (`diff OLD NEW`, `merge-reports DIR...`). */
export function parseArgsWithOperands<T extends FlagConfig>(args: readonly string[], config: T) {
  return asUsageError(config, () => {
    const { values, positionals } = parseArgs({
      args: joinDashValues(args, config),
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
  const parsed = asUsageError(config, () =>
    parseArgs({
      args: joinDashValues(args, config),
      options: config,
      strict: true,
      allowPositionals: true,
      tokens: true,
    }),
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

/**
 * `--seed -1` is a value that starts with a dash, which node:util calls "ambiguous". A negative number after a
 * flag that takes a value is that flag's value: joined as `--seed=-1`, it reaches the flag's own check, whose
 * error names the accepted range.
 */
function joinDashValues(args: readonly string[], config: FlagConfig): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const next = args[i + 1];
    const name = arg.startsWith('--') && !arg.includes('=') ? arg.slice(2) : undefined;
    if (name !== undefined && config[name]?.type === 'string' && next !== undefined && /^-[\d.]/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else {
      out.push(arg);
    }
  }
  return out;
}

/** node:util's parse errors as one short sentence naming the flag (and the closest known flag to a typo). */
function asUsageError<R>(config: FlagConfig, parse: () => R): R {
  try {
    return parse();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const flag = /'(-[^' ]+)/.exec(message)?.[1] ?? /'([^' ]+)'/.exec(message)?.[1];
    throw new UsageError(shortParseMessage(message, flag, config), flag);
  }
}

function shortParseMessage(message: string, flag: string | undefined, config: FlagConfig): string {
  if (flag !== undefined && message.startsWith('Unknown option')) {
    const known = Object.keys(config).map((name) => `--${name}`);
    const suggestion = closestName(flag.replace(/=.*$/, ''), known);
    return `unknown flag ${flag}${suggestion ? ` (did you mean ${suggestion}?)` : ''}`;
  }
  if (flag !== undefined && /argument missing/.test(message)) return `${flag} needs a value`;
  if (flag !== undefined && /argument is ambiguous/.test(message)) {
    return `${flag} needs a value, not another flag (a value that starts with a dash is written ${flag}=VALUE)`;
  }
  if (flag !== undefined && /does not take an argument/.test(message)) return `${flag} takes no value`;
  return message.split('\n')[0] ?? message;
}

/** The candidate closest to `word` by edit distance, when close enough to be a typo of it; else undefined. */
export function closestName(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const core = word.replace(/^-+/, '').length;
  return best !== undefined && bestDistance <= Math.max(1, Math.min(3, Math.floor(core / 3))) ? best : undefined;
}

/** Edit distance with adjacent transpositions (optimal string alignment): `rnu` is one step from `run`. */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const above = rows[i - 1] ?? [];
      let best = Math.min((above[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (above[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, (rows[i - 2]?.[j - 2] ?? 0) + 1);
      }
      row[j] = best;
    }
    rows.push(row);
  }
  return rows[a.length]?.[b.length] ?? 0;
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
