/** The issuer's registered test clients (`fixtures/issuer-clients.json`) and client authentication. */
import { createHash, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { TokenType } from './claims.js';

export const DEFAULT_CLIENTS_FILE = 'fixtures/issuer-clients.json';

export interface RegisteredClient {
  readonly client_id: string;
  readonly client_secret: string;
  readonly type: TokenType;
  readonly tenant_id: string;
  readonly app_id: string;
  readonly app_name: string;
  /** May use `[appId]`; expanded when a token is minted. Not allowed on admin clients. */
  readonly permissions: readonly string[];
  /** Client roles (`ts_roles`) or, for a user client, the user's roles. */
  readonly roles: readonly string[];
  readonly scope?: string;
  /** Only for `type: user`: the token's `sub`. */
  readonly user_id?: string;
}

const TYPES: readonly TokenType[] = ['client', 'admin', 'user'];
const KNOWN_FIELDS = new Set([
  'client_id',
  'client_secret',
  'type',
  'tenant_id',
  'app_id',
  'app_name',
  'permissions',
  'roles',
  'scope',
  'user_id',
]);

function parseClient(raw: unknown, where: string): RegisteredClient {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new Error(`${where} is not an object`);
  const entry = raw as Record<string, unknown>;
  const unknownField = Object.keys(entry).find((field) => !KNOWN_FIELDS.has(field));
  if (unknownField) throw new Error(`${where} has unknown field '${unknownField}'`);
  const text = (field: string, optional = false): string | undefined => {
    const value = entry[field];
    if (value === undefined && optional) return undefined;
    if (typeof value !== 'string' || value === '') throw new Error(`${where}.${field} must be a non-empty string`);
    return value;
  };
  const list = (field: string): string[] => {
    const value = entry[field] ?? [];
    if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
      throw new Error(`${where}.${field} must be an array of strings`);
    }
    return value as string[];
  };
  const type = entry['type'] ?? 'client';
  if (!TYPES.includes(type as TokenType)) throw new Error(`${where}.type must be one of ${TYPES.join(', ')}`);
  const client: RegisteredClient = {
    client_id: text('client_id')!,
    client_secret: text('client_secret')!,
    type: type as TokenType,
    tenant_id: text('tenant_id')!,
    app_id: text('app_id')!,
    app_name: text('app_name')!,
    permissions: list('permissions'),
    roles: list('roles'),
    ...(entry['scope'] === undefined ? {} : { scope: text('scope') }),
    ...(entry['user_id'] === undefined ? {} : { user_id: text('user_id') }),
  };
  if (client.type === 'user' && (!client.user_id || client.user_id === client.client_id)) {
    throw new Error(`${where}.user_id is required for a user client and must differ from its client_id`);
  }
  if (client.type !== 'user' && client.user_id) throw new Error(`${where}.user_id is only for type user`);
  if (client.type === 'admin' && client.permissions.length > 0) {
    throw new Error(
      `${where}.permissions must be empty: admin tokens pass by their Admin role (management apps hold no client roles)`,
    );
  }
  return client;
}

/** Parses and checks a clients document; errors name the entry and field. */
export function parseClients(document: unknown, source: string): readonly RegisteredClient[] {
  const clients = (document as { clients?: unknown } | null)?.clients;
  if (!Array.isArray(clients)) throw new Error(`${source}: expected {"clients": [...]}`);
  const parsed = clients.map((raw, index) => parseClient(raw, `${source}: clients[${index}]`));
  const seen = new Set<string>();
  for (const client of parsed) {
    if (seen.has(client.client_id)) throw new Error(`${source}: client_id '${client.client_id}' is registered twice`);
    seen.add(client.client_id);
  }
  return parsed;
}

/** Loads `file` (absolute, or relative to packageRoot; default fixtures/issuer-clients.json). */
export async function loadClients(
  packageRoot: string,
  file = DEFAULT_CLIENTS_FILE,
): Promise<readonly RegisteredClient[]> {
  const path = resolve(packageRoot, file);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new Error(`cannot read issuer clients file ${path}: ${(error as Error).message}`);
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new Error(`${path} is not JSON: ${(error as Error).message}`);
  }
  return parseClients(document, path);
}

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

/** The client whose id and secret match, or undefined. Secrets are compared in constant time. */
export function authenticateClient(
  clients: readonly RegisteredClient[],
  clientId: string,
  clientSecret: string,
): RegisteredClient | undefined {
  const client = clients.find((candidate) => candidate.client_id === clientId);
  if (!client) return undefined;
  return timingSafeEqual(digest(client.client_secret), digest(clientSecret)) ? client : undefined;
}
