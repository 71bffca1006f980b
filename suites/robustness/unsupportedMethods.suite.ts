/**
 * Unsupported methods on known paths (docs/decisions.md "Unsupported methods: 405 with Allow"; inferred): a method
 * that a path of the API does not list is answered with 405 and an `Allow` header naming the methods it does list
 * (RFC 9110 §15.5.6), not 404. One requirement per path, under the path's first operation in catalog order. Each
 * path is tried with PATCH (no path lists it) and with the first of GET, PUT, POST it lacks — never DELETE, which a
 * live target might implement without documenting it. The request names a resource that exists and carries a token
 * the path's operations accept, so that neither a 404 nor a 401/403 would be a fair answer.
 */
import { fillPath } from '../../src/client/index.js';
import { loadOpenApi, type OpenApiDocument } from '../../src/catalog/openapi.js';
import { check, type SendRequest } from '../../src/suite/index.js';
import {
  acceptedToken,
  OPERATION_KEYS,
  OPERATION_RECIPES,
  type OperationRecipe,
  type PreparedOperation,
} from '../support/operationRecipes.js';

interface KnownPath {
  /** Template as in openapi.yaml. */
  readonly path: string;
  /** The path's first operation in catalog order: it names the requirement and sets up the resource. */
  readonly first: OperationRecipe;
  readonly methods: string[];
}

const PROBES_AFTER_PATCH = ['GET', 'PUT', 'POST'] as const;

const knownPaths = new Map<string, KnownPath>();
for (const key of OPERATION_KEYS) {
  const recipe = OPERATION_RECIPES[key];
  const known = knownPaths.get(recipe.path);
  if (known) known.methods.push(recipe.method);
  else knownPaths.set(recipe.path, { path: recipe.path, first: recipe, methods: [recipe.method] });
}

for (const known of knownPaths.values()) {
  const other = PROBES_AFTER_PATCH.find((method) => !known.methods.includes(method));
  for (const method of other ? (['PATCH', other] as const) : (['PATCH'] as const)) {
    check(
      {
        requirement: `${known.first.key}-UNSUPPORTED-METHOD-405`,
        title: `${method} ${known.path} answers 405 with an Allow header`,
        cell: method,
        needsStateHook: known.first.needsStateHook,
      },
      async (c) => {
        const op = await known.first.prepare(c, await c.fixtures.app());
        const request: SendRequest = {
          method,
          path: fillPath(known.path, pathParams(op)),
          query: requiredQuery(openApi(c.config.packageRoot), known, op),
          token: await acceptedToken(c, op),
          ...(method === 'GET' ? {} : { body: {} }),
        };
        const res = await c.send(request);
        c.expect.status(res, 405);
        if (res.status !== 405) return;
        const header = res.headers['allow'];
        const allow = (header ?? '')
          .split(',')
          .map((m) => m.trim().toUpperCase())
          .filter(Boolean);
        c.expect.that(known.methods.every((m) => allow.includes(m)) && !allow.includes(method), {
          expected: `an Allow header naming ${known.methods.join(', ')} (and not ${method})`,
          observed: header === undefined ? 'no Allow header' : `Allow: ${header}`,
        });
      },
    );
  }
}

/** Parsed once per package root: parsing openapi.yaml takes about 20 ms, and every check here reads it. */
const documents = new Map<string, OpenApiDocument>();
function openApi(packageRoot: string): OpenApiDocument {
  let doc = documents.get(packageRoot);
  if (!doc) documents.set(packageRoot, (doc = loadOpenApi(packageRoot)));
  return doc;
}

function pathParams(op: PreparedOperation): Record<string, string> {
  const params: Record<string, string> = { userId: op.userId };
  if (op.clientId !== undefined) params['clientId'] = op.clientId;
  if (op.consentId !== undefined) params['consentId'] = op.consentId;
  return params;
}

/**
 * The query parameters some operation of the path requires (openapi.yaml), with valid values, so that the only odd
 * thing about the request is its method. Only `app_id` is required anywhere today; another name is a new case here.
 */
function requiredQuery(doc: OpenApiDocument, known: KnownPath, op: PreparedOperation): Record<string, string> {
  const values: Readonly<Record<string, string>> = { app_id: op.app.appId };
  const query: Record<string, string> = {};
  for (const method of known.methods) {
    const operation = doc.paths[known.path]?.[method.toLowerCase()] as { parameters?: unknown[] } | undefined;
    for (const parameter of operation?.parameters ?? []) {
      const resolved = resolveParameter(doc, parameter);
      if (resolved?.in !== 'query' || resolved.required !== true) continue;
      const value = values[resolved.name];
      if (value === undefined) throw new Error(`no value for the required query parameter ${resolved.name}`);
      query[resolved.name] = value;
    }
  }
  return query;
}

interface ParameterObject {
  readonly name: string;
  readonly in: string;
  readonly required?: boolean;
}

function resolveParameter(doc: OpenApiDocument, parameter: unknown): ParameterObject | undefined {
  const ref = (parameter as { $ref?: unknown } | null)?.$ref;
  if (typeof ref !== 'string') return parameter as ParameterObject;
  const name = ref.replace('#/components/parameters/', '');
  const parameters = doc.components?.['parameters'] as Record<string, ParameterObject> | undefined;
  return parameters?.[name];
}
