/** Findings read `ID: observed …` or `ID (inferred): observed …`, joined by `; ` (src/suite/outcome.ts). */
const FINDING = /(?:^|; )([A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+)(?: \((?:documented|inferred)\))?: observed /g;

/** The rule ids a check's message names as broken, in order, without repeats. */
export function brokenRules(message: string): string[] {
  return [...new Set([...message.matchAll(FINDING)].map((match) => match[1]!))];
}
