/**
 * The committed contracts in `contracts/` and the check that they match what the consumer tests generate.
 * The tests write each pact to a temporary directory and compare; with `CIS_UPDATE_CONTRACTS=1` they replace
 * the committed file instead (`npx tsx scripts/generateContracts.ts` sets it).
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { isDeepStrictEqual } from 'node:util';

/** Environment variable that makes the consumer tests rewrite `contracts/` instead of comparing. */
export const UPDATE_CONTRACTS_ENV = 'CIS_UPDATE_CONTRACTS';

export const REGENERATE_HINT = `regenerate with \`npx tsx scripts/generateContracts.ts\` (or \`${UPDATE_CONTRACTS_ENV}=1 npx vitest run test/pact\`) and commit contracts/`;

type Json = Record<string, unknown>;

interface Interaction {
  readonly description?: string;
  readonly providerStates?: readonly { readonly name?: string }[];
}

/** Drops what changes without the contract changing: the versions of pact-js and the Rust core that wrote it. */
export function normalizePact(pact: unknown): unknown {
  const copy = structuredClone(pact) as Json;
  const metadata = copy.metadata as Json | undefined;
  if (metadata) {
    delete metadata.pactRust;
    const pactJs = metadata['pact-js'] ?? metadata.pactJs;
    if (pactJs && typeof pactJs === 'object') delete (pactJs as Json).version;
  }
  return copy;
}

function interactionLabel(interaction: Interaction): string {
  const states = (interaction.providerStates ?? []).map((s) => s.name).join(' + ');
  return `"${interaction.description ?? '?'}"${states ? ` given ${states}` : ''}`;
}

/** Where two pacts differ, in one line: interactions only in one of them, or the first one that changed. */
export function describePactDifference(committed: unknown, generated: unknown): string {
  const list = (pact: unknown) => ((pact as Json | undefined)?.interactions ?? []) as Interaction[];
  const byLabel = (pact: unknown) => new Map(list(pact).map((i) => [interactionLabel(i), i]));
  const before = byLabel(committed);
  const after = byLabel(generated);
  const added = [...after.keys()].filter((k) => !before.has(k));
  const removed = [...before.keys()].filter((k) => !after.has(k));
  if (added.length > 0 || removed.length > 0) {
    return [added.length ? `new: ${added.join(', ')}` : '', removed.length ? `gone: ${removed.join(', ')}` : '']
      .filter(Boolean)
      .join('; ');
  }
  const changed = [...after.keys()].find((k) => !isDeepStrictEqual(before.get(k), after.get(k)));
  return changed ? `changed: ${changed}` : 'the order of interactions or the metadata changed';
}

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8')) as unknown;
}

/** Null when the committed contract matches the generated pact (volatile metadata aside), else why not. */
export function contractProblem(generatedPath: string, committedPath: string): string | null {
  const shown = relative(process.cwd(), committedPath);
  let committed: unknown;
  try {
    committed = readJson(committedPath);
  } catch (error) {
    return `${shown} cannot be read (${(error as Error).message}); ${REGENERATE_HINT}`;
  }
  const generated = readJson(generatedPath);
  if (isDeepStrictEqual(normalizePact(committed), normalizePact(generated))) return null;
  return `${shown} is out of date (${describePactDifference(committed, generated)}); ${REGENERATE_HINT}`;
}

/** Replaces the committed contract with the generated pact, pretty-printed for readable diffs. */
export function writeContract(generatedPath: string, committedPath: string): void {
  const text = `${JSON.stringify(readJson(generatedPath), null, 2)}\n`;
  // Write then rename, so that a consumer test comparing in parallel never reads half a file.
  const temporary = `${committedPath}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, committedPath);
}
