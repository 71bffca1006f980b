import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { authenticateClient, loadClients, parseClients } from '../../src/issuer/clients.js';

const packageRoot = fileURLToPath(new URL('../../', import.meta.url));
const valid = { client_id: 'c', client_secret: 's', tenant_id: 't', app_id: 'a', app_name: 'A' };

describe('loadClients', () => {
  it('loads the committed test clients, one of each type, all with obviously test-only secrets', async () => {
    const clients = await loadClients(packageRoot);
    expect(new Set(clients.map((client) => client.type))).toEqual(new Set(['client', 'admin', 'user']));
    for (const client of clients) expect(client.client_secret).toMatch(/^test-only-/);
    expect(clients.map((client) => client.client_id)).toContain('client-demo');
  });

  it('names the file it cannot read', async () => {
    await expect(loadClients(packageRoot, 'fixtures/absent.json')).rejects.toThrow(/fixtures\/absent\.json/);
  });
});

describe('parseClients', () => {
  it('defaults type to client and lists to empty', () => {
    expect(parseClients({ clients: [valid] }, 'f')[0]).toMatchObject({ type: 'client', permissions: [], roles: [] });
  });

  it.each([
    [{ clients: {} }, /f: expected \{"clients"/],
    [{ clients: [{ ...valid, client_secret: '' }] }, /clients\[0\]\.client_secret must be a non-empty string/],
    [{ clients: [{ ...valid, type: 'robot' }] }, /clients\[0\]\.type must be one of/],
    [{ clients: [{ ...valid, permissions: 'apps:read' }] }, /permissions must be an array of strings/],
    [{ clients: [{ ...valid, secret: 'x' }] }, /unknown field 'secret'/],
    [{ clients: [{ ...valid, type: 'user' }] }, /user_id is required/],
    [{ clients: [{ ...valid, user_id: 'u' }] }, /user_id is only for type user/],
    [{ clients: [{ ...valid, type: 'admin', permissions: ['apps:read'] }] }, /permissions must be empty/],
    [{ clients: [valid, valid] }, /'c' is registered twice/],
  ])('rejects %j', (document, message) => {
    expect(() => parseClients(document, 'f')).toThrow(message);
  });
});

describe('authenticateClient', () => {
  const clients = parseClients({ clients: [valid] }, 'f');
  it('matches id and secret', () => {
    expect(authenticateClient(clients, 'c', 's')?.client_id).toBe('c');
    expect(authenticateClient(clients, 'c', 'S')).toBeUndefined();
    expect(authenticateClient(clients, 'x', 's')).toBeUndefined();
  });
});
