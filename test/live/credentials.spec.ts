import { describe, expect, it } from 'vitest';
import { redactText } from '../../src/http/index.js';
import { MissingCredentialsError, readLiveCredentials } from '../../src/live/credentials.js';

describe('readLiveCredentials', () => {
  it('reads the client, the optional admin pair and user token, and registers every secret for redaction', () => {
    const credentials = readLiveCredentials({
      CIS_CLIENT_ID: 'cid',
      CIS_CLIENT_SECRET: 'client-secret-1234',
      CIS_ADMIN_CLIENT_ID: 'aid',
      CIS_ADMIN_CLIENT_SECRET: 'admin-secret-5678',
      CIS_USER_TOKEN: 'user-token-abcdefgh',
    });
    expect(credentials).toEqual({
      client: { clientId: 'cid', clientSecret: 'client-secret-1234' },
      admin: { clientId: 'aid', clientSecret: 'admin-secret-5678' },
      userToken: 'user-token-abcdefgh',
    });
    expect(redactText('client-secret-1234 admin-secret-5678 user-token-abcdefgh cid')).toBe(
      '[REDACTED] [REDACTED] [REDACTED] cid',
    );
  });

  it('names every missing variable, including half of an admin pair; blank counts as missing', () => {
    const missing = (env: Record<string, string>) => {
      try {
        readLiveCredentials(env);
      } catch (error) {
        expect(error).toBeInstanceOf(MissingCredentialsError);
        return (error as MissingCredentialsError).variables;
      }
      return [];
    };
    expect(missing({})).toEqual(['CIS_CLIENT_ID', 'CIS_CLIENT_SECRET']);
    expect(missing({ CIS_CLIENT_ID: 'x', CIS_CLIENT_SECRET: '  ' })).toEqual(['CIS_CLIENT_SECRET']);
    expect(missing({ CIS_CLIENT_ID: 'x', CIS_CLIENT_SECRET: 'y', CIS_ADMIN_CLIENT_ID: 'a' })).toEqual([
      'CIS_ADMIN_CLIENT_SECRET',
    ]);
    expect(() => readLiveCredentials({})).toThrow(/set CIS_CLIENT_ID and CIS_CLIENT_SECRET/);
  });
});
