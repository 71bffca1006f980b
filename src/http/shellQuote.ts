/** POSIX shell quoting for the command lines a report prints (curl lines, reproduction commands). */

/** `text` as one single-quoted shell word, whatever it holds. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** `text` as one shell word, quoted only when it holds a character the shell would read. */
export function shellWord(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : shellQuote(text);
}
