import type { Principal } from '../auth/principal.js';
import { badRequest } from '../errors.js';
import type { ChoiceSet } from '../choices.js';
import type { FaultSwitch } from '../faults.js';
import type { OperationKey } from '../operations.js';
import type { ReferenceStore } from '../store/types.js';
import type { RequestValidator } from '../validation/requestValidator.js';

/** One authorized call of an operation, as its handler sees it. */
export interface OperationCall {
  /** The operation called (requirement ids of choices are per operation). */
  readonly key: OperationKey;
  readonly principal: Principal;
  readonly params: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, unknown>>;
  readonly body: unknown;
}

/** What a handler answers: `result` present → `{"result": result}`; absent → an empty body. */
export interface OperationResult {
  readonly status: number;
  readonly result?: unknown;
}

/**
 * Handlers are synchronous: each runs start to end without yielding, so concurrent requests never interleave
 * inside one read-modify-write of the store.
 */
export type OperationHandler = (call: OperationCall) => OperationResult;

export type HandlerTable = Readonly<Record<OperationKey, OperationHandler>>;

export interface HandlerDeps {
  readonly store: ReferenceStore;
  readonly faults: FaultSwitch;
  /** The sides taken on open points (reference/choices.ts). */
  readonly choices: ChoiceSet;
  readonly validator: RequestValidator;
  readonly clock: () => Date;
}

/** An optional query parameter: absent, or one string (a repeated or bracketed parameter is a 400). */
export function queryString(query: Readonly<Record<string, unknown>>, name: string): string | undefined {
  const value = query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw badRequest(`${name} must be a single string query parameter`);
  return value;
}

/** The body as an object for handlers that have validated it already. */
export function bodyObject(body: unknown): Readonly<Record<string, unknown>> {
  return body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}
