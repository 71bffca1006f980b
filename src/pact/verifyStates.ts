/**
 * Provider states for the verifier: every state a contract names is forwarded to the target's state hook
 * (docs/design.md §2.3, Pact's `{state, params, action}` shape) and the hook's answer is returned, so Pact
 * injects it into the request (`fromProviderState`). The ids the contracts name are made run-unique first.
 */
import type { StateHandlers } from '@pact-foundation/pact/src/dsl/verifier/proxy/types.js';
import type { Send } from '../http/index.js';

/**
 * The params that name things on the target. Each gets `-<tag>` appended (the tag carries a per-run id and the
 * interaction's number), so two runs, or two interactions of one run, never share a tenant, app or user, and a
 * teardown that failed cannot leak into the next interaction (docs/design.md §2.4).
 */
export const ISOLATED_STATE_PARAMS: readonly string[] = ['tenant_id', 'app_id', 'client_id', 'consent_id', 'user_id'];

/** The state whose teardown removes everything of the app (the hook's `an app exists`). */
export const APP_STATE = 'an app exists';

export function isolateParams(params: Readonly<Record<string, unknown>>, tag: string): Record<string, unknown> {
  const out: Record<string, unknown> = { ...params };
  for (const name of ISOLATED_STATE_PARAMS) {
    const value = out[name];
    if (typeof value === 'string' && value !== '') out[name] = `${value}-${tag}`;
  }
  return out;
}

export interface StateSessionOptions {
  readonly stateUrl: string;
  readonly send: Send;
  /** Per-run part of every isolated id, e.g. `r1a2b3c`. */
  readonly runTag: string;
  /** The state names the contract uses (each gets a handler). */
  readonly states: readonly string[];
  /** Extra values to inject after `an app exists` was set up (e.g. the default client's name). */
  readonly afterAppSetup?: (values: Readonly<Record<string, unknown>>) => Promise<Record<string, unknown>>;
}

export interface StateSession {
  /** For the Verifier's `stateHandlers` (cast it: TOOLCHAIN.md §2 #6). */
  readonly handlers: StateHandlers;
  /** Pact's `beforeEach`: the next interaction starts. */
  startInteraction(): Promise<void>;
  /** 0-based number of the current interaction, in the pact file's order. */
  current(): number;
  /** The merged answers of the current interaction's state setups. */
  values(): Readonly<Record<string, unknown>>;
  /** Records a problem that makes the current interaction fail (a state setup that failed, a missing token). */
  fail(message: string): void;
  /** Problems per interaction number. */
  readonly problems: ReadonlyMap<number, readonly string[]>;
  /** Teardowns that failed (reported, never a verdict). */
  readonly teardownProblems: readonly string[];
}

type Json = Record<string, unknown>;
const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export function createStateSession(options: StateSessionOptions): StateSession {
  let index = -1;
  let values: Json = {};
  let appTornDown = false;
  const problems = new Map<number, string[]>();
  const teardownProblems: string[] = [];
  const fail = (message: string): void => {
    problems.set(index, [...(problems.get(index) ?? []), message]);
  };

  const callHook = async (state: string, params: unknown, action: 'setup' | 'teardown'): Promise<Json> => {
    const isolated = isolateParams(isRecord(params) ? params : {}, `${options.runTag}-${index + 1}`);
    const res = await options.send({
      method: 'POST',
      url: options.stateUrl,
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ state, params: isolated, action }),
    });
    if (res.status !== 200 || !isRecord(res.json)) {
      throw new Error(`state hook ${action} '${state}' answered ${res.status}: ${res.text.slice(0, 300)}`);
    }
    // A hook may wrap its answer the way the API wraps bodies (`{result: {...}}`); Pact needs the flat values.
    return isRecord(res.json['result']) ? res.json['result'] : res.json;
  };

  const setup = (state: string) => async (params: unknown) => {
    try {
      let answer = await callHook(state, params, 'setup');
      if (state === APP_STATE && options.afterAppSetup) {
        answer = { ...answer, ...(await options.afterAppSetup({ ...values, ...answer })) };
      }
      values = { ...values, ...answer };
      return answer;
    } catch (error) {
      // Pact catches a throwing handler, logs it and goes on; recording it makes the interaction fail.
      fail(`provider state '${state}' could not be set up: ${error instanceof Error ? error.message : String(error)}`);
      throw error;
    }
  };

  const teardown = (state: string) => async (params: unknown) => {
    try {
      const answer = await callHook(state, params, 'teardown');
      if (state === APP_STATE) appTornDown = true;
      return answer;
    } catch (error) {
      // Removing the app may already have removed its consents: a later consent teardown may then fail.
      if (state !== APP_STATE && appTornDown) return undefined;
      teardownProblems.push(
        `interaction ${index + 1}: ${error instanceof Error ? error.message : String(error)} (ids carry the tag ${options.runTag}-${index + 1})`,
      );
      return undefined;
    }
  };

  const handlers: StateHandlers = {};
  for (const state of new Set(options.states)) {
    handlers[state] = { setup: setup(state), teardown: teardown(state) } as StateHandlers[string];
  }

  return {
    handlers,
    startInteraction: async () => {
      index += 1;
      values = {};
      appTornDown = false;
    },
    current: () => index,
    values: () => values,
    fail,
    problems,
    teardownProblems,
  };
}
