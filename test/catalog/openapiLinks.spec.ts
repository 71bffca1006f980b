/**
 * The `links` of schemas/openapi.yaml (docs/decisions.md "OpenAPI links"): every link names an operation of the
 * document, supplies every parameter that operation requires and only parameters it has, and every runtime
 * expression resolves — `$request.path|query.X` to a parameter of the source operation, `$response.body#/…` to a
 * property of the response's schema (across $ref, anyOf and array items). Redocly's recommended rules check none
 * of this (a link to a missing operationId passes them), so it is checked here.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadOpenApi, type OpenApiDocument } from '../../src/catalog/openapi.js';

const root = resolve(import.meta.dirname, '../..');
const doc = loadOpenApi(root);

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

interface Parameter {
  readonly name: string;
  readonly in: string;
  readonly required: boolean;
}

interface Operation {
  readonly label: string;
  readonly parameters: readonly Parameter[];
  readonly responses: Readonly<Record<string, Json>>;
}

/** `#/components/...` inside the document. */
function local(document: OpenApiDocument, node: unknown): unknown {
  if (!isObject(node) || typeof node['$ref'] !== 'string' || !node['$ref'].startsWith('#/')) return node;
  return node['$ref']
    .slice(2)
    .split('/')
    .reduce<unknown>((at, part) => (isObject(at) ? at[part] : undefined), document);
}

function operationsById(document: OpenApiDocument): Map<string, Operation> {
  const out = new Map<string, Operation>();
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, raw] of Object.entries(item)) {
      if (!isObject(raw) || typeof raw['operationId'] !== 'string') continue;
      const parameters = (Array.isArray(raw['parameters']) ? raw['parameters'] : []).map((p) => {
        const resolved = local(document, p) as Json;
        return { name: String(resolved['name']), in: String(resolved['in']), required: resolved['required'] === true };
      });
      const responses: Record<string, Json> = {};
      for (const [status, response] of Object.entries(isObject(raw['responses']) ? raw['responses'] : {}))
        responses[status] = local(document, response) as Json;
      out.set(raw['operationId'], { label: `${method.toUpperCase()} ${path}`, parameters, responses });
    }
  }
  return out;
}

const schemaFiles = new Map<string, Json>();
const schemaFile = (file: string): Json => {
  if (!schemaFiles.has(file))
    schemaFiles.set(file, JSON.parse(readFileSync(join(root, 'schemas', file), 'utf8')) as Json);
  return schemaFiles.get(file)!;
};

/** Whether the JSON pointer `tokens` names a place some instance of `schema` (in `file`) may have. */
function pointerFits(schema: unknown, file: string, tokens: readonly string[], depth = 0): boolean {
  if (depth > 40 || !isObject(schema)) return false;
  if (typeof schema['$ref'] === 'string') {
    const [target, pointer = ''] = schema['$ref'].split('#', 2) as [string, string?];
    const targetFile = target === '' ? file : target;
    const node = pointer
      .split('/')
      .slice(1)
      .reduce<unknown>((at, part) => (isObject(at) ? at[part] : undefined), schemaFile(targetFile));
    if (pointerFits(node, targetFile, tokens, depth + 1)) return true;
  }
  for (const keyword of ['anyOf', 'oneOf', 'allOf']) {
    const branches = schema[keyword];
    if (Array.isArray(branches) && branches.some((b) => pointerFits(b, file, tokens, depth + 1))) return true;
  }
  if (tokens.length === 0) return true;
  const [head, ...rest] = tokens as [string, ...string[]];
  if (/^\d+$/.test(head) && schema['items'] !== undefined) return pointerFits(schema['items'], file, rest, depth + 1);
  const properties = schema['properties'];
  return isObject(properties) && head in properties && pointerFits(properties[head], file, rest, depth + 1);
}

/** Every problem with the links of `document`, one line each. */
function linkProblems(document: OpenApiDocument): string[] {
  const problems: string[] = [];
  const operations = operationsById(document);
  for (const source of operations.values()) {
    for (const [status, response] of Object.entries(source.responses)) {
      for (const [name, rawLink] of Object.entries(isObject(response['links']) ? response['links'] : {})) {
        const where = `${source.label} ${status} ${name}`;
        const link = local(document, rawLink) as Json | undefined;
        const target = operations.get(String(link?.['operationId']));
        if (!link || !target) {
          problems.push(`${where}: no operation ${String(link?.['operationId'])}`);
          continue;
        }
        const given = isObject(link['parameters']) ? link['parameters'] : {};
        for (const required of target.parameters.filter((p) => p.required && !(p.name in given)))
          problems.push(`${where}: leaves out ${required.name}, which ${target.label} requires`);
        for (const [parameter, expression] of Object.entries(given)) {
          if (!target.parameters.some((p) => p.name === parameter))
            problems.push(`${where}: ${target.label} has no parameter ${parameter}`);
          const problem = expressionProblem(String(expression), source, response);
          if (problem) problems.push(`${where}: ${parameter} = ${String(expression)}: ${problem}`);
        }
      }
    }
  }
  return problems;
}

function expressionProblem(expression: string, source: Operation, response: Json): string | undefined {
  const request = /^\$request\.(path|query)\.(\w+)$/.exec(expression);
  if (request) {
    const [, location, name] = request;
    return source.parameters.some((p) => p.in === location && p.name === name)
      ? undefined
      : `${source.label} has no ${location} parameter ${name}`;
  }
  const body = /^\$response\.body#(\/.*)$/.exec(expression);
  if (!body) return 'not a runtime expression this document uses';
  const content = isObject(response['content']) ? response['content'] : {};
  const media = content['application/json'];
  if (!isObject(media)) return 'the response has no JSON body';
  const tokens = body[1]!.split('/').slice(1);
  return pointerFits(media['schema'], 'openapi.yaml', tokens) ? undefined : 'the response schema has no such place';
}

/** The links of one response, as `name → target operationId`. */
function linksOf(path: string, method: string, status: string): Record<string, string> {
  const response = (doc.paths[path]![method] as Json)['responses'] as Json;
  const links = ((response[status] as Json)['links'] ?? {}) as Json;
  return Object.fromEntries(
    Object.entries(links).map(([name, link]) => [name, String((local(doc, link) as Json)['operationId'])]),
  );
}

describe('openapi.yaml links', () => {
  it('name existing operations, supply their required parameters and resolve every expression', () => {
    expect(linkProblems(doc)).toEqual([]);
  });

  it('finds a missing operation, a missing or unknown parameter and an expression that does not resolve', () => {
    const broken = structuredClone(doc) as unknown as { components: { links: Record<string, Json> } };
    const links = broken.components.links;
    links['GetClientFromResult'] = { operationId: 'noSuchOperation' };
    links['UpdateClientFromResult'] = { operationId: 'updateClient', parameters: { clientId: '$response.body#/nope' } };
    links['DeleteClientOnSamePath'] = { operationId: 'deleteClient', parameters: { clientId: '$request.path.id' } };
    links['GetConsentFromFirstItem'] = { operationId: 'getConsent', parameters: { consent: '$request.query.x' } };
    const problems = linkProblems(broken as unknown as OpenApiDocument);
    expect(problems).toContain('POST /v1/clients 201 GetCreatedClient: no operation noSuchOperation');
    expect(problems).toContain(
      'POST /v1/clients 201 UpdateCreatedClient: clientId = $response.body#/nope: the response schema has no such place',
    );
    expect(problems).toContain(
      'GET /v1/clients/{clientId} 200 DeleteClient: clientId = $request.path.id: GET /v1/clients/{clientId} has no path parameter id',
    );
    expect(problems).toContain(
      'GET /v1/consents 200 GetFirstConsent: leaves out consentId, which GET /v1/consents/{consentId} requires',
    );
    expect(problems).toContain(
      'GET /v1/consents 200 GetFirstConsent: GET /v1/consents/{consentId} has no parameter consent',
    );
  });

  it('lead from a created client to get, update, delete and resources, in the envelope and the bare form', () => {
    const created = linksOf('/v1/clients', 'post', '201');
    const targets = ['getClientById', 'updateClient', 'deleteClient', 'updateResourcesOfClient'];
    expect(Object.values(created).sort()).toEqual([...targets, ...targets].sort());
    const expressions = Object.values(doc.components?.['links'] as Record<string, Json>).flatMap((link) =>
      Object.values((link['parameters'] ?? {}) as Json),
    );
    expect(expressions).toContain('$response.body#/result/client_id');
    expect(expressions).toContain('$response.body#/client_id');
  });

  it('lead from every consent shape to the operations that take its ids, and nowhere from the clients list', () => {
    expect(Object.values(linksOf('/v1/consents/{consentId}', 'get', '200')).sort()).toEqual([
      'deleteClientConsents',
      'deleteUserConsents',
      'getAllAppConsents',
    ]);
    expect(Object.values(linksOf('/v1/consents', 'get', '200')).sort()).toEqual(['deleteUserConsents', 'getConsent']);
    expect(Object.values(linksOf('/v1/manage/consents', 'get', '200')).sort()).toEqual([
      'deleteClientConsents',
      'getConsent',
    ]);
    expect(Object.values(linksOf('/v1/consents/me', 'get', '200'))).toEqual(['revokeCurrentUserConsents']);
    expect(linksOf('/v1/clients', 'get', '200')).toEqual({});
    expect(linksOf('/v1/clients', 'delete', '204')).toEqual({});
  });

  it('uses every link component at least once', () => {
    const used = new Set<string>();
    for (const item of Object.values(doc.paths))
      for (const op of Object.values(item))
        for (const response of Object.values(isObject(op) && isObject(op['responses']) ? op['responses'] : {}))
          for (const link of Object.values(isObject(response) && isObject(response['links']) ? response['links'] : {}))
            if (isObject(link) && typeof link['$ref'] === 'string')
              used.add(link['$ref'].replace('#/components/links/', ''));
    expect(Object.keys(doc.components?.['links'] as Json).filter((name) => !used.has(name))).toEqual([]);
  });
});
