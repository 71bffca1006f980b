/**
 * The pact files of a contracts folder, read just far enough for the verifier and the publisher: who the
 * consumer is, which interactions it holds, and which provider-state values its requests need.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { requirementsOfInteraction } from '../model/pactInteraction.js';

export interface PactProviderState {
  readonly name: string;
  readonly params: Readonly<Record<string, unknown>>;
}

export interface PactInteraction {
  readonly description: string;
  /** The requirement ids it names in `comments.requirements`; empty for a pact that names none. */
  readonly requirements: readonly string[];
  readonly providerStates: readonly PactProviderState[];
  readonly request: Readonly<Record<string, unknown>>;
  readonly response: Readonly<Record<string, unknown>>;
}

export interface PactFile {
  /** Absolute path. */
  readonly path: string;
  readonly consumer: string;
  readonly provider: string;
  readonly interactions: readonly PactInteraction[];
}

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads one pact file; throws naming the file and what is missing when it is not a pact. */
export function readPactFile(path: string): PactFile {
  const absolute = resolve(path);
  let pact: unknown;
  try {
    pact = JSON.parse(readFileSync(absolute, 'utf8')) as unknown;
  } catch (error) {
    throw new Error(`${absolute} is not readable JSON: ${(error as Error).message}`);
  }
  const name = (part: string): string => {
    const value = isRecord(pact) && isRecord(pact[part]) ? pact[part]['name'] : undefined;
    if (typeof value !== 'string' || value === '') throw new Error(`${absolute} is not a pact: no ${part}.name`);
    return value;
  };
  const list = isRecord(pact) ? pact['interactions'] : undefined;
  if (!Array.isArray(list)) throw new Error(`${absolute} is not a pact: no interactions list`);
  const interactions = list.filter(isRecord).map((interaction) => ({
    description: String(interaction['description'] ?? ''),
    requirements: requirementsOfInteraction(interaction),
    providerStates: (Array.isArray(interaction['providerStates']) ? interaction['providerStates'] : [])
      .filter(isRecord)
      .map((state) => ({
        name: String(state['name'] ?? ''),
        params: isRecord(state['params']) ? state['params'] : {},
      })),
    request: isRecord(interaction['request']) ? interaction['request'] : {},
    response: isRecord(interaction['response']) ? interaction['response'] : {},
  }));
  return { path: absolute, consumer: name('consumer'), provider: name('provider'), interactions };
}

/** Every `*.json` pact in `dir`, sorted by file name. Throws when the folder is missing or holds none. */
export function listPactFiles(dir: string): PactFile[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((f) => f.endsWith('.json'));
  } catch (error) {
    throw new Error(`cannot read the contracts folder ${resolve(dir)}: ${(error as Error).message}`);
  }
  if (names.length === 0) throw new Error(`the contracts folder ${resolve(dir)} holds no *.json pact files`);
  return names.sort().map((file) => readPactFile(join(dir, file)));
}

/** The pacts of the named consumers (all when `consumers` is empty); throws naming an unknown consumer. */
export function selectPactFiles(files: readonly PactFile[], consumers: readonly string[] = []): PactFile[] {
  const known = files.map((f) => f.consumer);
  const unknown = consumers.filter((c) => !known.includes(c));
  if (unknown.length > 0) {
    throw new Error(`no contract for consumer ${unknown.join(', ')} (contracts hold: ${known.join(', ')})`);
  }
  return consumers.length === 0 ? [...files] : files.filter((f) => consumers.includes(f.consumer));
}

/** The provider-state values (`${name}`) that the requests of `pact` take from their states. */
export function stateValuesUsed(pact: PactFile): Set<string> {
  const used = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (isRecord(value)) {
      if (value['type'] === 'ProviderState' && typeof value['expression'] === 'string') {
        for (const match of value['expression'].matchAll(/\$\{(\w+)\}/g)) used.add(match[1] as string);
      }
      Object.values(value).forEach(visit);
    }
  };
  for (const interaction of pact.interactions) visit(interaction.request['generators']);
  return used;
}
