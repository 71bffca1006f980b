import { describe, expect, it } from 'vitest';
import type { HttpResponse } from '../../src/http/index.js';
import { createFixtures, type StateHookCall } from '../../src/suite/fixtures.js';
import { CheckCouldNotRun, CheckSkipped } from '../../src/model/checkSignals.js';
import type { SuiteRunConfig } from '../../src/suite/types.js';

const config = {
  runId: 'run1',
  stateUnavailableReason: 'there is no state hook at http://t/__conformance/state (it answered 404)',
} as SuiteRunConfig;

function json(status: number, body: unknown): HttpResponse {
  return { status, headers: {}, text: JSON.stringify(body), json: body };
}

describe('createFixtures', () => {
  it('makes run-unique ids with a readable prefix', () => {
    const { fixtures } = createFixtures(config, 'contract/R/a', null);
    const a = fixtures.id('client');
    expect(a).toMatch(/^client-run1-[0-9a-z]{7}1$/);
    expect(fixtures.id('client')).not.toBe(a);
    expect(createFixtures(config, 'contract/R/b', null).fixtures.id('client')).not.toBe(a);
  });

  it('without a hook synthesizes an app in a fresh tenant, and skips consents with the reason', async () => {
    const { fixtures } = createFixtures(config, 'c', null);
    const app = await fixtures.app();
    expect(app.tenantId).toMatch(/^tenant-run1-/);
    expect(app.clientId).toMatch(/^client-run1-/);
    const consent = fixtures.consent({ app, userId: 'u1' });
    await expect(consent).rejects.toBeInstanceOf(CheckSkipped);
    await expect(consent).rejects.toThrow(/answered 404/);
  });

  it('sets an app up through the hook, takes its ids, and tears down newest first', async () => {
    const calls: Array<{ state: string; action: string }> = [];
    const hook: StateHookCall = async (body) => {
      calls.push({ state: body.state, action: body.action });
      if (body.state === 'a consent exists') return json(200, { consent_id: 'k1', ...body.params });
      return json(200, { ...body.params, client_id: 'assigned-by-target' });
    };
    const handle = createFixtures(config, 'c', hook);
    const app = await handle.fixtures.app({ name: 'Shop' });
    expect(app).toMatchObject({ appName: 'Shop', clientId: 'assigned-by-target' });
    const consent = await handle.fixtures.consent({ app, userId: 'u1' });
    expect(consent).toMatchObject({
      consent_id: 'k1',
      user_id: 'u1',
      client_id: 'assigned-by-target',
      scope: 'openid',
    });
    expect(await handle.teardown()).toEqual([]);
    expect(calls.map((c) => `${c.action} ${c.state}`)).toEqual([
      'setup an app exists',
      'setup a consent exists',
      'teardown a consent exists',
      'teardown an app exists',
    ]);
  });

  it('turns a failing hook set-up into "could not run", and a failing teardown into a returned problem', async () => {
    const refusing: StateHookCall = async () => json(400, { message: 'unknown state' });
    await expect(createFixtures(config, 'c', refusing).fixtures.app()).rejects.toThrow(CheckCouldNotRun);
    let first = true;
    const flaky: StateHookCall = async () => {
      if (first) return ((first = false), json(200, {}));
      throw new Error('hook went away');
    };
    const handle = createFixtures(config, 'c', flaky);
    await handle.fixtures.app();
    expect(await handle.teardown()).toEqual(['hook went away']);
  });
});
