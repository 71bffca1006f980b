import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { FAULTS, faultSwitch } from '../../reference/faults.js';
import { ALL_PERMS, caller, referenceApp, type Call } from './helpers/harness.js';
import { PACKAGE_ROOT } from './helpers/packageRoot.js';
import type { TestTokenOptions } from './helpers/tokens.js';

const token: TestTokenOptions = { tenant: 'tenant-f', app: 'app-f', perms: ALL_PERMS };
const body = { name: 'Faulty', redirect_uris: [], ciba_authorization: { enabled: true, login_uri: 'https://l' } };

/**
 * One probe per fault: a short request sequence whose observable outcome differs between the clean reference and
 * the reference with that fault on. Adding a fault without a probe fails the "every fault" test below.
 */
const PROBES: Record<string, (call: Call) => Promise<unknown>> = {
  'create-status-200': async (call) => (await call('POST', '/v1/clients', { token, body })).status,
  'no-permission-check': async (call) =>
    (await call('POST', '/v1/clients', { token: { ...token, perms: ['apps:read'] }, body })).status,
  'no-tenant-check': async (call) => {
    const created = await call('POST', '/v1/clients', { token, body });
    const intruder = { ...token, tenant: 'tenant-other' };
    return (await call('GET', `/v1/clients/${created.body.result.client_id}`, { token: intruder })).status;
  },
  'put-merges-objects': async (call) => {
    const created = await call('POST', '/v1/clients', { token, body });
    const id = created.body.result.client_id as string;
    const put = await call('PUT', `/v1/clients/${id}`, { token, body: { ciba_authorization: { enabled: false } } });
    return put.body.result.ciba_authorization;
  },
  'deleted-client-readable': async (call) => {
    const created = await call('POST', '/v1/clients', { token, body });
    const id = created.body.result.client_id as string;
    await call('DELETE', `/v1/clients/${id}`, { token });
    return (await call('GET', `/v1/clients/${id}`, { token })).status;
  },
};

const apps: FastifyInstance[] = [];
afterAll(() => Promise.all(apps.map((a) => a.close())));

async function probe(name: string, fault?: string): Promise<unknown> {
  const app = await referenceApp(fault === undefined ? {} : { fault });
  apps.push(app);
  return PROBES[name]!(caller(app));
}

describe('faultSwitch', () => {
  it('is off for everything without a name, and on for exactly the named fault', () => {
    expect(FAULTS.some((f) => faultSwitch().isOn(f.name as never))).toBe(false);
    const sw = faultSwitch('put-merges-objects');
    expect(sw.active).toBe('put-merges-objects');
    expect(FAULTS.filter((f) => sw.isOn(f.name as never)).map((f) => f.name)).toEqual(['put-merges-objects']);
  });

  it('rejects an unknown name with the list of known ones', () => {
    expect(() => faultSwitch('no-such-fault')).toThrow(
      /unknown fault 'no-such-fault'; known faults: create-status-200, /,
    );
  });

  it('has unique names, a description and at least one violated requirement each', () => {
    expect(new Set(FAULTS.map((f) => f.name)).size).toBe(FAULTS.length);
    for (const fault of FAULTS) {
      expect(fault.description.length, fault.name).toBeGreaterThan(10);
      expect(fault.violates.length, fault.name).toBeGreaterThan(0);
    }
  });

  const catalogFile = join(PACKAGE_ROOT, 'schemas', 'requirements.json');
  it('names only requirement ids the catalog has', () => {
    const catalog = JSON.parse(readFileSync(catalogFile, 'utf8')) as { requirements: Array<{ id: string }> };
    const ids = new Set(catalog.requirements.map((r) => r.id));
    for (const fault of FAULTS)
      for (const id of fault.violates) expect(ids.has(id), `${fault.name} → ${id}`).toBe(true);
  });
});

describe('every fault changes observable behaviour', () => {
  it('has a probe for every registered fault', () => {
    expect(Object.keys(PROBES).sort()).toEqual(FAULTS.map((f) => f.name).sort());
  });

  for (const fault of FAULTS) {
    it(`${fault.name}: the probe's outcome differs from the clean reference`, async () => {
      const clean = await probe(fault.name);
      const faulty = await probe(fault.name, fault.name);
      expect(faulty).not.toEqual(clean);
    });
  }

  it('unknown faults are refused when building the app', async () => {
    await expect(referenceApp({ fault: 'bogus' })).rejects.toThrow(/known faults/);
  });
});
