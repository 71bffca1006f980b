/**
 * The client behind a contract answer published with its status alone (decisions.md #39: the Clients create 201,
 * get 200 and list 200, whose `result` envelope is inferred, so no Pact matcher could hold both readings). Their
 * requirements say "answered with 2xx and the client(s)", so the replay checks that a client came back, bare or
 * wrapped: a JSON object with a `client_id` string (a list of them for the listing), under the interaction's own
 * requirement. The body's schema stays with the contract suite's `-BODY` checks: one cause, one check
 * (decisions.md #51). `cis-conformance pact verify` runs Pact's own verifier and checks the contract as written.
 */
import type { CheckContext, TargetResponse } from '../../../src/suite/index.js';
import { describeBody, resultOf } from '../../support/envelope.js';

const isClient = (value: unknown): boolean =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  typeof (value as Record<string, unknown>)['client_id'] === 'string';

const ONE_CLIENT = { expected: 'the client: a JSON object with a client_id string, bare or in result', isClient };
const CLIENT_LIST = {
  expected: 'the clients: a JSON array of objects with a client_id string, bare or in result',
  isClient: (value: unknown) => Array.isArray(value) && value.every(isClient),
};

const CLIENT_BODIES: Readonly<Record<string, typeof ONE_CLIENT>> = {
  'CLIENTS-CREATE-201': ONE_CLIENT,
  'CLIENTS-GET-200': ONE_CLIENT,
  'CLIENTS-LIST-200': CLIENT_LIST,
};

/** For a status-only contract answer whose requirement promises the client(s): judges that they came back. */
export function judgeClientBody(
  c: CheckContext,
  requirements: readonly string[],
  contractResponse: Record<string, unknown>,
  res: TargetResponse,
): void {
  if (contractResponse['body'] !== undefined) return;
  const requirement = requirements.find((id) => CLIENT_BODIES[id] !== undefined);
  if (requirement === undefined) return;
  const body = CLIENT_BODIES[requirement] as typeof ONE_CLIENT;
  const inner = resultOf(res);
  c.expect.that(body.isClient(inner), { requirement, expected: body.expected, observed: describeBody(inner) });
}
