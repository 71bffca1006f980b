import { describe, expect, it } from 'vitest';
import { admitRequest, createMemoryGate, INITIAL_GATE_STATE, withRequestGate } from '../../src/http/requestGate.js';
import type { Send } from '../../src/http/types.js';

describe('admitRequest', () => {
  it('spaces slots 1000/rate ms apart and never schedules into the past (no burst after an idle spell)', () => {
    const limits = { ratePerSecond: 5 };
    let state = INITIAL_GATE_STATE;
    const waits: number[] = [];
    for (const now of [1000, 1000, 1000, 5000, 5000]) {
      const next = admitRequest(state, limits, now);
      if (!next) throw new Error('refused');
      state = next.state;
      waits.push(next.admission.waitMs);
    }
    expect(waits).toEqual([0, 200, 400, 0, 200]);
    expect(state.count).toBe(5);
  });

  it('refuses past the budget, except exempt requests, which are still counted', () => {
    const limits = { maxRequests: 2 };
    const one = admitRequest(INITIAL_GATE_STATE, limits, 0);
    const two = one && admitRequest(one.state, limits, 0);
    expect(two?.admission.count).toBe(2);
    expect(two && admitRequest(two.state, limits, 0)).toBeNull();
    expect(two && admitRequest(two.state, limits, 0, true)?.admission.count).toBe(3);
  });
});

describe('withRequestGate', () => {
  it('waits for the slot, and past the budget rejects with a budget TargetError without sending', async () => {
    let now = 0;
    const gate = createMemoryGate({ ratePerSecond: 10, maxRequests: 2 }, () => now);
    const sent: string[] = [];
    const waits: number[] = [];
    const send: Send = async (req) => {
      sent.push(req.url);
      return { status: 200, headers: {}, text: '', json: undefined };
    };
    const gated = withRequestGate(send, gate, { sleep: async (ms) => void waits.push(ms) });
    const request = { method: 'GET' as const, url: 'https://h/cis/v1/clients?x=1', headers: {} };
    await gated(request);
    await gated(request);
    now = 50;
    await expect(gated(request)).rejects.toMatchObject({
      name: 'TargetError',
      kind: 'budget',
      message: 'GET /cis/v1/clients: request budget exhausted (--max-requests 2); the request was not sent',
    });
    expect(sent).toHaveLength(2);
    expect(waits).toEqual([100]);
    await withRequestGate(send, gate, { exempt: true, sleep: async () => undefined })(request);
    expect(sent).toHaveLength(3);
  });
});
