/**
 * "Never touch data the run did not create" (docs/design.md §2.4, §5), as one decision per request.
 * Reads and creates are always allowed. A change (PUT, PATCH, DELETE) is allowed only on a documented resource path
 * whose every id is the run's own: an id the run created (in the ledger) or one carrying the run id (made by
 * `c.fixtures.id`, so it cannot name anything that existed before the run). `DELETE /v1/clients` removes every
 * client of the app, the run's or not: only with `--allow-destructive --disposable-app` (the token's own app).
 */
import type { HttpRequest } from '../http/index.js';

/** The documented paths of the resources a change can touch (operations.json), as segment templates. */
const RESOURCE_TEMPLATES: readonly (readonly string[])[] = [
  ['v1', 'clients', '{clientId}'],
  ['v1', 'clients', '{clientId}', 'resources'],
  ['v1', 'consents', '{consentId}'],
  ['v1', 'consents', 'clients', '{clientId}', 'users', '{userId}'],
  ['v1', 'manage', 'consents', 'clients', '{clientId}', 'users', '{userId}'],
  ['v1', 'consents', 'me', 'clients', '{clientId}'],
];

export interface OwnershipContext {
  /** The prefix before `/v1/...`. */
  readonly baseUrl: string;
  readonly runId: string;
  /** Whether the run created the resource with this id (the ledger). */
  readonly created: (id: string) => boolean;
  /** `--allow-destructive --disposable-app` was given and names the token's own app. */
  readonly allowDestructive: boolean;
}

export const DELETE_ALL_REFUSAL =
  'DELETE /v1/clients deletes every client of the app, also those this run did not create; in live mode it runs ' +
  "only with --allow-destructive --disposable-app APP_ID, where APP_ID is the token's own app";

/** Headers by which a client asks a server to treat a request as another method (many frameworks honour them). */
export const METHOD_OVERRIDE_HEADERS = ['x-http-method-override', 'x-http-method', 'x-method-override'] as const;

/**
 * Every method `request` may be taken for, upper-cased: its own and any a method-override header names. A POST
 * with `X-HTTP-Method-Override: DELETE` is a DELETE to the guard (and to the ledger).
 */
export function methodsOf(request: Pick<HttpRequest, 'method' | 'headers'>): string[] {
  const methods = new Set([String(request.method).trim().toUpperCase()]);
  for (const [name, value] of Object.entries(request.headers ?? {})) {
    if (!(METHOD_OVERRIDE_HEADERS as readonly string[]).includes(name.toLowerCase())) continue;
    for (const item of String(value).split(',')) if (item.trim() !== '') methods.add(item.trim().toUpperCase());
  }
  return [...methods];
}

/** The method the guard judges `request` as: a change method it may be taken for wins. */
export function effectiveMethod(request: Pick<HttpRequest, 'method' | 'headers'>): string {
  const methods = methodsOf(request);
  return methods.find((m) => CHANGE_METHODS.has(m)) ?? methods.find((m) => m === 'POST') ?? (methods[0] as string);
}

const CHANGE_METHODS = new Set(['PUT', 'PATCH', 'DELETE']);

/**
 * Segments below the base URL, percent-decoded; undefined when the URL is not below it. Normalised the way a
 * server may route it: the base path compared case-insensitively and percent-decoded, duplicate slashes dropped,
 * dot segments resolved (by URL parsing, `%2e` too). A segment that does not decode gives `['%']` (no template).
 */
export function pathBelowBase(url: string, baseUrl: string): string[] | undefined {
  const base = new URL(baseUrl.replace(/\/+$/, ''));
  const target = new URL(url);
  if (target.origin !== base.origin) return undefined;
  const prefix = base.pathname.split('/').filter((segment) => segment !== '');
  const raw = target.pathname.split('/').filter((segment) => segment !== '');
  let segments: string[];
  try {
    segments = raw.map((segment) => decodeURIComponent(segment));
  } catch {
    segments = raw;
    const under = prefix.every((part, index) => raw[index]?.toLowerCase() === part.toLowerCase());
    return under ? ['%'] : undefined;
  }
  const under = prefix.every((part, index) => segments[index]?.toLowerCase() === safeDecode(part).toLowerCase());
  return under ? segments.slice(prefix.length) : undefined;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The reason a live run must not send `request`, or undefined when it may. */
export function refusalOf(request: HttpRequest, context: OwnershipContext): string | undefined {
  const method = effectiveMethod(request);
  if (!CHANGE_METHODS.has(method)) return undefined;
  const segments = pathBelowBase(request.url, context.baseUrl);
  if (segments === undefined) return undefined; // not the API under test (e.g. the token endpoint)
  const overridden =
    method !== String(request.method).toUpperCase() ? ` (sent as ${request.method} with a method override)` : '';
  const what = `${method} ${new URL(request.url).pathname}${overridden}`;
  if (segments.length === 2 && same(segments[0], 'v1') && same(segments[1], 'clients')) {
    return method === 'DELETE' && !context.allowDestructive ? DELETE_ALL_REFUSAL : undefined;
  }
  const ids = matchTemplate(segments);
  if (ids === undefined) {
    return `${what} is not a documented resource path, so the run cannot tell whose data it would change; live mode sends changes only to resources the run created`;
  }
  const foreign = ids.filter((id) => !isOwn(id, context));
  if (foreign.length === 0) return undefined;
  return `${what} would change data this run did not create (${foreign.map((id) => JSON.stringify(id)).join(', ')} is neither in the run's ledger nor carries the run id ${context.runId}); live mode never touches pre-existing data`;
}

/** Literal path parts compare case-insensitively: a server that routes `/V1/Clients` must not slip past. */
const same = (segment: string | undefined, part: string): boolean => segment?.toLowerCase() === part;

function matchTemplate(segments: readonly string[]): string[] | undefined {
  for (const template of RESOURCE_TEMPLATES) {
    if (template.length !== segments.length) continue;
    const ids: string[] = [];
    const fits = template.every((part, index) => {
      const segment = segments[index] as string;
      if (part.startsWith('{')) return ids.push(segment) > 0;
      return same(segment, part);
    });
    if (fits) return ids;
  }
  return undefined;
}

function isOwn(id: string, context: OwnershipContext): boolean {
  // A decoded id with a slash or a dot segment could be routed elsewhere by a server that normalises it.
  if (id === '' || id === '.' || id === '..' || /[/\\]/.test(id)) return false;
  return context.created(id) || id.includes(`-${context.runId}-`);
}
