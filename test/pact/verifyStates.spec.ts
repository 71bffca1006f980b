import { describe, expect, it } from 'vitest';
import type { HttpRequest, HttpResponse } from '../../src/http/index.js';
import { createStateSession, isolateParams } from '../../src/pact/verifyStates.js';

type HookCall = { state: string; params: Record<string, unknown>; action: string };

/** A state hook that answers `answer(call)` (status 200 unless it returns a number). */
function fakeHook(answer: (call: HookCall) => object | number) {
  const calls: HookCall[] = [];
  const send = async (request: HttpRequest): Promise<HttpResponse> => {
    const call = JSON.parse(String(request.body)) as HookCall;
    calls.push(call);
    const out = answer(call);
    const status = typeof out === 'number' ? out : 200;
    const json = typeof out === 'number' ? { message: 'no' } : out;
    return { status, headers: {}, text: JSON.stringify(json), json };
  };
  return { calls, send };
}

const APP = { tenant_id: 'pact-tenant', app_id: 'pact-app', app_name: 'Pact app', client_id: 'pact-client' };
const CONSENT = { ...APP, consent_id: 'pact-consent', user_id: 'pact-user', scope: 'openid' };

type Handler = { setup: (p: unknown) => Promise<unknown>; teardown: (p: unknown) => Promise<unknown> };

describe('isolateParams', () => {
  it('tags the ids and leaves names, scopes and numbers alone', () => {
    expect(isolateParams({ ...CONSENT, app_name: 'Pact app', expires_at: 5 }, 'r1-2')).toEqual({
      tenant_id: 'pact-tenant-r1-2',
      app_id: 'pact-app-r1-2',
      app_name: 'Pact app',
      client_id: 'pact-client-r1-2',
      consent_id: 'pact-consent-r1-2',
      user_id: 'pact-user-r1-2',
      scope: 'openid',
      expires_at: 5,
    });
  });
});

describe('createStateSession', () => {
  const states = ['an app exists', 'a consent exists'];

  it('forwards each state to the hook with tagged ids and returns and merges its answers', async () => {
    const hook = fakeHook((call) => ({ ...call.params, echoed: call.state }));
    const session = createStateSession({ stateUrl: 'http://hook', send: hook.send, runTag: 'rX', states });
    const app = session.handlers['an app exists'] as Handler;
    const consent = session.handlers['a consent exists'] as Handler;
    await session.startInteraction();
    expect(await app.setup(APP)).toMatchObject({ app_id: 'pact-app-rX-1' });
    await consent.setup(CONSENT);
    expect(session.values()).toMatchObject({
      app_id: 'pact-app-rX-1',
      user_id: 'pact-user-rX-1',
      echoed: 'a consent exists',
    });
    await session.startInteraction();
    expect(session.values()).toEqual({});
    await app.setup(APP);
    expect(hook.calls.map((c) => [c.state, c.action, c.params['tenant_id']])).toEqual([
      ['an app exists', 'setup', 'pact-tenant-rX-1'],
      ['a consent exists', 'setup', 'pact-tenant-rX-1'],
      ['an app exists', 'setup', 'pact-tenant-rX-2'],
    ]);
    expect(session.problems.size).toBe(0);
  });

  it('adds the values of afterAppSetup to the app state', async () => {
    const hook = fakeHook((call) => call.params);
    const session = createStateSession({
      stateUrl: 'http://hook',
      send: hook.send,
      runTag: 'rY',
      states,
      afterAppSetup: async (values) => ({ client_name: `name of ${String(values['client_id'])}` }),
    });
    await session.startInteraction();
    expect(await (session.handlers['an app exists'] as Handler).setup(APP)).toMatchObject({
      client_name: 'name of pact-client-rY-1',
    });
  });

  it('records a setup the hook refused against the current interaction, and still throws for Pact', async () => {
    const hook = fakeHook((call) => (call.state === 'a consent exists' ? 400 : call.params));
    const session = createStateSession({ stateUrl: 'http://hook', send: hook.send, runTag: 'rZ', states });
    await session.startInteraction();
    await session.startInteraction();
    await expect((session.handlers['a consent exists'] as Handler).setup(CONSENT)).rejects.toThrow(/answered 400/);
    expect(session.current()).toBe(1);
    expect(session.problems.get(1)?.[0]).toMatch(
      /^provider state 'a consent exists' could not be set up: state hook setup/,
    );
  });

  it('tolerates a consent teardown failing after the app teardown, and reports other failed teardowns', async () => {
    const hook = fakeHook((call) =>
      call.action === 'teardown' && call.state === 'a consent exists' ? 404 : call.params,
    );
    const session = createStateSession({ stateUrl: 'http://hook', send: hook.send, runTag: 'rT', states });
    const app = session.handlers['an app exists'] as Handler;
    const consent = session.handlers['a consent exists'] as Handler;
    await session.startInteraction();
    await app.teardown(APP);
    await consent.teardown(CONSENT);
    expect(session.teardownProblems).toEqual([]);
    await session.startInteraction();
    await consent.teardown(CONSENT);
    expect(session.teardownProblems).toHaveLength(1);
    expect(session.teardownProblems[0]).toMatch(/interaction 2: state hook teardown 'a consent exists' answered 404/);
  });
});
