/**
 * Replays one contract interaction through the run's own client (recorded, redacted, reproducible): its provider
 * states through the state hook (the check's fixtures, with run-unique ids), the consumer's token from the run's
 * issuer, the request with its provider-state values filled in, and the response matched with the contract's
 * matching rules (pactMatching.ts). `cis-conformance pact verify` runs the same contracts through Pact's verifier.
 */
import { CONSUMER_TOKENS, PROVIDER_STATES } from '../../../src/pact/consumers.js';
import type { AppFixture, CheckContext, SendRequest } from '../../../src/suite/index.js';
import type { ContractInteraction } from './contractInteractions.js';
import { judgeClientBody } from './statusOnlyBodies.js';
import { bodyMismatches, headerMismatches, statusMismatch } from './pactMatching.js';

type Json = Record<string, unknown>;
const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Sets up the interaction's provider states; returns the app and the values Pact would inject. */
async function setUpStates(
  c: CheckContext,
  interaction: ContractInteraction,
): Promise<{ app: AppFixture; values: Json }> {
  let app: AppFixture | undefined;
  const values: Json = {};
  for (const { name, params } of interaction.providerStates) {
    if (name === PROVIDER_STATES.appExists) {
      app = await c.fixtures.app(typeof params['app_name'] === 'string' ? { name: params['app_name'] } : {});
      Object.assign(values, {
        tenant_id: app.tenantId,
        app_id: app.appId,
        app_name: app.appName,
        client_id: app.clientId,
      });
    } else if (name === PROVIDER_STATES.consentExists) {
      app ??= await c.fixtures.app();
      // Our contracts' consents are to the app's default client (the consent state's client_id is the app's).
      const consent = await c.fixtures.consent({
        app,
        userId: c.fixtures.id('pact-user'),
        ...(typeof params['scope'] === 'string' ? { scope: params['scope'] } : {}),
        ...(typeof params['expires_at'] === 'number' ? { expiresAt: params['expires_at'] } : {}),
      });
      Object.assign(values, consent);
    } else {
      throw new Error(`the contract names the provider state '${name}', which the state hook does not know`);
    }
  }
  return { app: app ?? (await c.fixtures.app()), values };
}

function fill(expression: string, values: Json, encode: (s: string) => string = (s) => s): string {
  return expression.replace(/\$\{(\w+)\}/g, (_m, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`the provider states gave no value for \${${name}}`);
    return encode(String(value));
  });
}

/** The request Pact would send: path, query and body with their ProviderState generators applied. */
export function buildRequest(request: Json, values: Json): Omit<SendRequest, 'token'> {
  const generators = isRecord(request['generators']) ? request['generators'] : {};
  const expressionOf = (g: unknown) =>
    isRecord(g) && typeof g['expression'] === 'string' ? g['expression'] : undefined;
  const pathExpression = expressionOf(generators['path']);
  const path = pathExpression ? fill(pathExpression, values, encodeURIComponent) : String(request['path']);
  const query: Record<string, string> = {};
  const queryGenerators = isRecord(generators['query']) ? generators['query'] : {};
  for (const [name, list] of Object.entries(isRecord(request['query']) ? request['query'] : {})) {
    const expression = expressionOf(queryGenerators[name]);
    const given = Array.isArray(list) ? list : [list];
    if (given.length !== 1) throw new Error(`query parameter ${name} has ${given.length} values; the replay sends one`);
    query[name] = expression ? fill(expression, values) : String(given[0]);
  }
  const content = isRecord(request['body']) ? structuredClone(request['body']['content']) : undefined;
  for (const [where, generator] of Object.entries(isRecord(generators['body']) ? generators['body'] : {})) {
    const keys = /^\$(\.\w+)+$/.test(where) ? where.slice(2).split('.') : null;
    const expression = expressionOf(generator);
    if (!keys || !expression || !isRecord(content)) throw new Error(`unsupported body generator at ${where}`);
    let target: Json = content;
    for (const key of keys.slice(0, -1)) target = target[key] as Json;
    target[keys.at(-1) as string] = fill(expression, values);
  }
  return {
    method: String(request['method']).toUpperCase() as SendRequest['method'],
    path,
    ...(Object.keys(query).length > 0 ? { query } : {}),
    ...(content !== undefined ? { body: content } : {}),
  };
}

function usesValue(request: Json, name: string): boolean {
  return JSON.stringify(request['generators'] ?? {}).includes(`\${${name}}`);
}

/** `${client_name}`: the name of the app's default client, read with a token of the app (envelope inferred). */
async function defaultClientName(c: CheckContext, app: AppFixture): Promise<string> {
  const token = await c.tokens.client({ app, permissions: ['apps:read', '[appId]:read'] });
  const res = await c.send({ method: 'GET', path: `/v1/clients/${encodeURIComponent(app.clientId)}`, token });
  const body = res.json as { result?: { name?: unknown }; name?: unknown } | undefined;
  const name = body?.result?.name ?? body?.name;
  if (res.status !== 200 || typeof name !== 'string') {
    throw new Error(
      `cannot read the default client's name (GET answered ${res.status}) for the duplicate-name request`,
    );
  }
  return name;
}

export async function replayInteraction(c: CheckContext, interaction: ContractInteraction): Promise<void> {
  const rule = CONSUMER_TOKENS[interaction.consumer];
  if (!rule) throw new Error(`no token rule for the consumer ${interaction.consumer}`);
  const { app, values } = await setUpStates(c, interaction);
  if (usesValue(interaction.request, 'client_name')) values['client_name'] = await defaultClientName(c, app);
  const token =
    rule.kind === 'user'
      ? await c.tokens.user({ app, userId: String(values['user_id']) })
      : await c.tokens.client({ app, permissions: rule.permissions });
  const res = await c.send({ ...buildRequest(interaction.request, values), token });
  const status = statusMismatch(interaction.response, res.status);
  judgeReplay(c, interaction, {
    status,
    headers: headerMismatches(interaction.response, res.headers),
    body: bodyMismatches(interaction.response, res.json ?? res.text),
  });
  // A status-only answer whose requirement promises the client: that it came back is judged too (statusOnlyBodies.ts).
  if (status === null) judgeClientBody(c, interaction.requirements, interaction.response, res);
}

export interface ReplayMismatches {
  readonly status: string | null;
  readonly headers: readonly string[];
  readonly body: readonly string[];
}

/**
 * Judges a replayed interaction: a mismatch is a broken rule of the interaction's weakest requirement (`judgedBy`),
 * so it fails, warns or is observed by that requirement's evidence; a match meets every requirement it names.
 */
export function judgeReplay(
  c: Pick<CheckContext, 'expect'>,
  interaction: Pick<ContractInteraction, 'description' | 'consumer' | 'requirements' | 'judgedBy'>,
  mismatches: ReplayMismatches,
): void {
  const expected = `the response of "${interaction.description}" in the ${interaction.consumer} contract`;
  const requirement = interaction.judgedBy;
  const { status, headers, body } = mismatches;
  const problems = [
    ...(status === null ? [] : [`status: ${status}`]),
    ...headers,
    ...(body.length === 0 ? [] : [`body ${body.slice(0, 5).join('; ')}`]),
  ];
  const observed = problems.length === 0 ? 'a matching response' : problems.join('; ');
  c.expect.that(problems.length === 0, { requirement, expected, observed });
  if (problems.length > 0) return;
  for (const other of interaction.requirements.filter((id) => id !== requirement)) {
    c.expect.that(true, { requirement: other, expected, observed });
  }
}
