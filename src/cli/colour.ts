/**
 * Whether console output is coloured. `NO_COLOR` (any non-empty value, https://no-color.org) turns colour off
 * and wins over everything; `FORCE_COLOR` turns it on even when stdout is not a terminal (a CI log), except
 * `FORCE_COLOR=0` or `false`, which turn it off; otherwise colour follows the terminal (never with TERM=dumb).
 */
export function colourWanted(env: Readonly<Record<string, string | undefined>>, isTTY: boolean): boolean {
  if ((env.NO_COLOR ?? '') !== '') return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return !['0', 'false'].includes(force.trim().toLowerCase());
  return isTTY && env.TERM !== 'dumb';
}
