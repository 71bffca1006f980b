/**
 * The interactions of the committed contracts (`contracts/*.json`), read when the suite is collected, each with
 * the catalog requirements it encodes: those it names in `comments.requirements` (src/model/pactInteraction.ts),
 * or, for a pact that names none, `<KEY>-<STATUS>` of the operation its method and path hit (`<KEY>-2XX` where the
 * contract accepts any success status or the catalog names the success rule that way). A broken interaction is
 * judged by the weakest evidence among them (documented: failed; inferred: warning; observation: observed).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CIS_OPERATIONS } from '../../../src/client/operations.js';
import { requirementsOfInteraction, weakestRequirement } from '../../../src/model/pactInteraction.js';
import type { RequirementCatalog } from '../../../src/model/requirement.js';
import { requirementById } from '../../../src/catalog/catalog.js';

type Json = Record<string, unknown>;
const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface ContractInteraction {
  readonly consumer: string;
  readonly description: string;
  readonly operationKey: string;
  /** The requirements it encodes; the first is the check's own. */
  readonly requirements: readonly string[];
  /** The one of weakest evidence among them: a broken interaction costs what its evidence says. */
  readonly judgedBy: string;
  readonly providerStates: readonly { readonly name: string; readonly params: Json }[];
  readonly request: Json;
  readonly response: Json;
}

/** The package root above this file (a checkout, or an installed package with `dist/suites/...`). */
export function findContractsRoot(from: string = dirname(fileURLToPath(import.meta.url))): string | null {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'contracts')) && existsSync(join(dir, 'schemas', 'requirements.json'))) return dir;
    if (dirname(dir) === dir) return null;
  }
}

/** The operation key of a request: the template with the most literal segments that fits method and path. */
export function operationKeyOf(method: string, path: string): string | undefined {
  const segments = path.split('/');
  let best: { key: string; literals: number } | undefined;
  for (const operation of Object.values(CIS_OPERATIONS)) {
    const template = operation.path.split('/');
    if (operation.method !== method.toUpperCase() || template.length !== segments.length) continue;
    let literals = 0;
    const fits = template.every((part, i) => {
      if (/^\{\w+\}$/.test(part)) return true;
      literals += 1;
      return part === segments[i];
    });
    if (fits && (!best || literals > best.literals)) best = { key: operation.key, literals };
  }
  return best?.key;
}

function acceptsAnySuccess(response: Json): boolean {
  const rules = isRecord(response['matchingRules']) ? response['matchingRules']['status'] : undefined;
  const matchers = isRecord(rules) && isRecord(rules['$']) ? rules['$']['matchers'] : undefined;
  return (
    Array.isArray(matchers) &&
    matchers.some((m) => isRecord(m) && m['match'] === 'statusCode' && m['status'] === 'success')
  );
}

/** `<KEY>-<STATUS>` or `<KEY>-2XX`, whichever the catalog has (the contract's own choice first). */
export function requirementOf(key: string, response: Json, catalog: RequirementCatalog): string {
  const status = Number(response['status']);
  const exact = `${key}-${status}`;
  const anySuccess = `${key}-2XX`;
  const success = status >= 200 && status < 300;
  const order = acceptsAnySuccess(response) ? [anySuccess, exact] : success ? [exact, anySuccess] : [exact];
  const found = order.find((id) => catalog.requirements.some((r) => r.id === id));
  if (!found) throw new Error(`no catalog requirement ${order.join(' or ')} for a contract interaction`);
  return found;
}

/** The requirement a broken interaction naming `requirements` is judged by: the one of weakest evidence. */
export function judgedByOf(requirements: readonly string[], catalog: RequirementCatalog): string {
  return weakestRequirement(requirements.map((id) => requirementById(catalog, id))).id;
}

/** Every interaction of every pact in `<root>/contracts`, in file order. */
export function readContractInteractions(root: string, catalog: RequirementCatalog): ContractInteraction[] {
  const dir = join(root, 'contracts');
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .flatMap((file) => {
      const pact = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Json;
      const consumer = isRecord(pact['consumer']) ? String(pact['consumer']['name']) : file;
      const interactions = Array.isArray(pact['interactions']) ? pact['interactions'].filter(isRecord) : [];
      return interactions.map((interaction) => {
        const request = isRecord(interaction['request']) ? interaction['request'] : {};
        const response = isRecord(interaction['response']) ? interaction['response'] : {};
        const description = String(interaction['description'] ?? '');
        const operationKey = operationKeyOf(String(request['method'] ?? ''), String(request['path'] ?? ''));
        if (!operationKey) throw new Error(`contracts/${file}: "${description}" hits none of the 14 operations`);
        const states = Array.isArray(interaction['providerStates']) ? interaction['providerStates'] : [];
        const named = requirementsOfInteraction(interaction);
        const requirements = named.length > 0 ? named : [requirementOf(operationKey, response, catalog)];
        const judgedBy = judgedByOf(requirements, catalog);
        return {
          consumer,
          description,
          operationKey,
          requirements,
          judgedBy,
          providerStates: states
            .filter(isRecord)
            .map((s) => ({ name: String(s['name']), params: isRecord(s['params']) ? s['params'] : {} })),
          request,
          response,
        };
      });
    });
}
