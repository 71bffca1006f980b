/**
 * Body expectations shared by the contract checks: JSON content type plus schema, the client inside an optional
 * envelope, a list of clients, an empty body. Each names the requirement whose rule it judges.
 */
import type { CheckContext, TargetResponse } from '../../src/suite/index.js';
import { describeBody, describeContentType, hasJsonContentType, resultOf, unwrapResult } from './envelope.js';

/** The body is JSON served as `application/json` and validates against `schemas/<schemaFile>`. */
export function expectJsonBody(c: CheckContext, res: TargetResponse, schemaFile: string, requirement: string): void {
  c.expect.that(hasJsonContentType(res), {
    requirement,
    expected: 'content-type application/json',
    observed: describeContentType(res),
  });
  c.expect.schema(res, schemaFile, { requirement });
}

/** The client, unwrapped from `result` when wrapped (docs/decisions.md #1), is JSON matching `schemaFile`. */
export function expectClientBody(
  c: CheckContext,
  res: TargetResponse,
  requirement: string,
  schemaFile = 'client.schema.json',
): void {
  expectJsonBody(c, unwrapResult(res), schemaFile, requirement);
}

/** The unwrapped body is a JSON array whose every item matches client.schema.json. */
export function expectClientListBody(c: CheckContext, res: TargetResponse, requirement: string): void {
  const list = resultOf(res);
  c.expect.that(hasJsonContentType(res), {
    requirement,
    expected: 'content-type application/json',
    observed: describeContentType(res),
  });
  c.expect.that(Array.isArray(list), {
    requirement,
    expected: 'a JSON array of clients',
    observed: describeBody(list),
  });
  if (!Array.isArray(list)) return;
  list.forEach((item: unknown) => c.expect.schema({ ...res, json: item }, 'client.schema.json', { requirement }));
}

/** No body at all (204). */
export function expectEmptyBody(c: CheckContext, res: TargetResponse, requirement: string): void {
  c.expect.that(res.text === '', {
    requirement,
    expected: 'no body',
    observed: `a body of ${Buffer.byteLength(res.text)} bytes: ${describeBody(res.text, 80)}`,
  });
}

/**
 * An error body rule holds for answers with that status only: when the status was already judged wrong (an
 * inferred rule lets the check go on), the body is not judged against a schema that was never meant for it.
 */
export function expectErrorBody(
  c: CheckContext,
  res: TargetResponse,
  status: number,
  schemaFile: string,
  requirement: string,
): void {
  if (res.status === status) expectJsonBody(c, res, schemaFile, requirement);
}

/**
 * A step that must succeed for the check to reach its point: any 2xx is judged under `requirement`; anything else
 * ends the check as skipped (after the finding, if `requirement` is inferred), since the rule under test could
 * not be observed and blaming it would misreport.
 */
export function expectSuccessOrSkip(c: CheckContext, res: TargetResponse, requirement: string, step: string): void {
  c.expect.status(res, '2xx', { requirement });
  if (res.status < 200 || res.status > 299) c.skip(`${step} answered ${res.status}, so the rule could not be observed`);
}
