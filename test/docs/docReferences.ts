/**
 * Finds the references to this project's documents in a text and says which do not resolve. The forms the code
 * uses: `docs/facts.md §5.1 #6` (a `§N` heading of that file, and item N of its numbered list), `docs/design.md
 * §2.2, §5` and ranges `§4.3–4.5` (each end), `docs/decisions.md #28` and the short `decisions.md #8, #28` or
 * `decisions #13–#20` (numbered decisions), and `docs/decisions.md "Catalog audit"` (a heading, or a bold item,
 * that begins with the quoted words).
 */

export interface DocReference {
  readonly file: string;
  readonly line: number;
  readonly text: string;
  readonly doc: string;
  readonly target: string;
}

/** A document as the resolver sees it: its lines. */
export type DocReader = (doc: string) => readonly string[] | undefined;

const DOC = String.raw`docs/[\w/-]+\.md`;
const SECTION = String.raw`§\d+(?:\.\d+)*(?: #\d+)?`;
const SECTIONS = new RegExp(String.raw`(${DOC})\`?,? (${SECTION}(?:(?:–§?|, §)\d+(?:\.\d+)*(?: #\d+)?)*)`, 'g');
const DECISIONS = new RegExp(String.raw`(?:docs/)?decisions(?:\.md)?\`?,? (#\d+(?:(?:, #| and #|–#?)\d+)*)`, 'g');
const HEADING = new RegExp(String.raw`(${DOC})\`?,? \\?"([^"\\]+)`, 'g');

/**
 * Every reference in `text`, one per target (`§5.1 #6`, `#28`, `"Catalog audit"`). A reference may wrap onto the
 * next line of a comment, so each line is read with the next one's words after it.
 */
export function findReferences(file: string, text: string): DocReference[] {
  const lines = text.split('\n');
  const found: DocReference[] = [];
  lines.forEach((own, index) => {
    const next = (lines[index + 1] ?? '').replace(/^\s*(?:\*|\/\/|#)?\s*/, '');
    const content = `${own} ${next}`;
    const matches = (pattern: RegExp) => [...content.matchAll(pattern)].filter((m) => m.index < own.length);
    const add = (doc: string, target: string, match: string) =>
      found.push({ file, line: index + 1, text: match, doc, target });
    for (const m of matches(SECTIONS)) {
      for (const part of m[2]!.split(/, |–/)) add(m[1]!, part.startsWith('§') ? part : `§${part}`, m[0]);
    }
    for (const m of matches(DECISIONS)) {
      for (const part of m[1]!.split(/, | and |–/)) add('docs/decisions.md', `#${part.replace(/^#/, '')}`, m[0]);
    }
    for (const m of matches(HEADING)) add(m[1]!, `"${m[2]!}"`, m[0]);
  });
  return found;
}

/** Why `ref` does not resolve, or undefined when it does. */
export function unresolved(ref: DocReference, read: DocReader): string | undefined {
  const lines = read(ref.doc);
  if (lines === undefined) return `${ref.doc} does not exist`;
  if (ref.target.startsWith('"')) {
    const words = ref.target.slice(1, -1);
    const hit = lines.some((l) => l.replace(/^#+ (§[\d.]+ )?/, '').startsWith(words) && /^#+ /.test(l));
    return hit || lines.some((l) => l.includes(`**${words}`)) ? undefined : `${ref.doc} has no heading "${words}"`;
  }
  if (ref.target.startsWith('#')) {
    const n = ref.target.slice(1);
    return lines.some((l) => l.startsWith(`${n}. `)) ? undefined : `${ref.doc} has no numbered decision ${n}`;
  }
  const [section, item] = ref.target.split(' #');
  const start = lines.findIndex((l) => new RegExp(String.raw`^#+ ${section!.replace(/\./g, '\\.')} `).test(l));
  if (start < 0) return `${ref.doc} has no section ${section!}`;
  if (item === undefined) return undefined;
  const end = lines.findIndex((l, i) => i > start && /^#+ /.test(l));
  const body = lines.slice(start + 1, end < 0 ? undefined : end);
  return body.some((l) => l.startsWith(`${item}. `)) ? undefined : `${ref.doc} ${section!} has no item ${item}`;
}

/** A citation of the design brief or the fact sheet that lived outside this repository. */
export const OUTSIDE_CITATION = /DESIGN\.md|FACTS\.md|FACTS §/;
