import { describe, expect, it } from 'vitest';
import { applyTransportPolicy, gateFor } from '../../src/http/policy.js';
import { createMemoryGate } from '../../src/http/requestGate.js';
import type { HttpResponse, Send } from '../../src/http/types.js';

const answers = (statuses: number[]): Send & { sent: number } => {
  const send: Send & { sent: number } = Object.assign(
    async (): Promise<HttpResponse> => ({
      status: statuses[send.sent++] ?? 200,
      headers: {},
      text: '',
      json: undefined,
    }),
    { sent: 0 },
  );
  return send;
};
const GET = { method: 'GET' as const, url: 'https://h/cis/v1/clients', headers: {} };

describe('applyTransportPolicy', () => {
  it('leaves the send alone without a policy or limits', () => {
    const send = answers([]);
    expect(applyTransportPolicy(send, undefined)).toBe(send);
    expect(applyTransportPolicy(send, {})).toBe(send);
    expect(gateFor({ retries: 3 })).toBeUndefined();
  });

  it('counts every retry against the budget: retry wraps the gate', async () => {
    const send = answers([503, 503, 200]);
    const gate = createMemoryGate({ maxRequests: 2 });
    const sleep = async () => undefined;
    const policed = applyTransportPolicy(send, { retries: 5, maxRequests: 2 }, { gate, sleep });
    await expect(policed(GET)).rejects.toMatchObject({ kind: 'budget' });
    expect(send.sent).toBe(2);
  });

  it('shares one in-process gate between clients of the same limits', () => {
    expect(gateFor({ maxRequests: 7 })).toBe(gateFor({ maxRequests: 7 }));
    expect(gateFor({ maxRequests: 7 })).not.toBe(gateFor({ maxRequests: 8 }));
  });
});
