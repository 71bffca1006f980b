import { describe, expect, it } from 'vitest';
import type { RecordedExchange } from '../../src/model/checkRecord.js';
import { SecretLedger, TargetError, withRecording, type Send } from '../../src/http/index.js';

const answer: Send = async () => ({
  status: 201,
  headers: { 'content-type': 'application/json' },
  text: '{"result":{"client_id":"c1","client_secret":"fresh-secret-123"}}',
  json: { result: { client_id: 'c1', client_secret: 'fresh-secret-123' } },
});

describe('withRecording', () => {
  it('records a redacted exchange and teaches the ledger the token and the secret', async () => {
    const exchanges: RecordedExchange[] = [];
    const ledger = new SecretLedger();
    const send = withRecording(answer, (e) => exchanges.push(e), ledger);
    const res = await send({
      method: 'POST',
      url: 'http://t/v1/clients',
      headers: { authorization: 'Bearer opaque-token-xyz' },
      body: '{"name":"a"}',
    });
    expect(res.status).toBe(201);
    expect(exchanges).toHaveLength(1);
    expect(exchanges[0]?.request.body).toEqual({ name: 'a' });
    expect(JSON.stringify(exchanges)).not.toMatch(/opaque-token-xyz|fresh-secret-123/);
    expect(ledger.values()).toEqual(expect.arrayContaining(['opaque-token-xyz', 'fresh-secret-123']));
  });

  it('records a failed request with its error and rethrows it', async () => {
    const exchanges: RecordedExchange[] = [];
    const failing: Send = async () => {
      throw new TargetError('refused', 'GET http://t/x: connection refused');
    };
    const send = withRecording(failing, (e) => exchanges.push(e), new SecretLedger());
    await expect(send({ method: 'GET', url: 'http://t/x', headers: {} })).rejects.toMatchObject({ kind: 'refused' });
    expect(exchanges[0]).toMatchObject({ error: 'GET http://t/x: connection refused' });
    expect(exchanges[0]?.response).toBeUndefined();
  });
});
