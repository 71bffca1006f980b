import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { forcedStopNote } from '../../src/cli/commands/run.js';
import { forcedStopExitCode, handleStopSignals, type SignalSource } from '../../src/cli/stopSignals.js';

/** A `process` stand-in: signals are emitted by the test, `exit` records its code. */
function fakeProcess(): { source: SignalSource; emitter: EventEmitter; exits: number[] } {
  const emitter = new EventEmitter();
  const exits: number[] = [];
  const source: SignalSource = {
    on: (signal, listener) => emitter.on(signal, listener),
    off: (signal, listener) => emitter.off(signal, listener),
    exit: (code) => void exits.push(code),
  };
  return { source, emitter, exits };
}

describe('handleStopSignals', () => {
  it('winds down on the first signal and exits at once on the second, 128 + its number, with one line', async () => {
    const { source, emitter, exits } = fakeProcess();
    const err: string[] = [];
    const stops = handleStopSignals(source, (line) => err.push(line));
    stops.setForcedStopNote('the reports were not written');
    let stopped = false;
    void stops.stopSignal.then(() => (stopped = true));
    emitter.emit('SIGTERM', 'SIGTERM');
    await Promise.resolve();
    expect(stopped).toBe(true);
    expect(exits).toEqual([]);
    expect(err).toEqual(['cis-conformance: SIGTERM: winding down (a second SIGINT or SIGTERM stops at once)']);
    emitter.emit('SIGINT', 'SIGINT');
    expect(exits).toEqual([130]);
    expect(err.at(-1)).toBe('cis-conformance: stopped at once on a second SIGINT: the reports were not written');
    stops.dispose();
    expect(emitter.listenerCount('SIGINT') + emitter.listenerCount('SIGTERM')).toBe(0);
  });

  it('says nothing on the first signal of a command that set no note (serve, issuer), and still exits on the second', () => {
    const { source, emitter, exits } = fakeProcess();
    const err: string[] = [];
    handleStopSignals(source, (line) => err.push(line));
    emitter.emit('SIGINT', 'SIGINT');
    expect(err).toEqual([]);
    emitter.emit('SIGTERM', 'SIGTERM');
    expect(exits).toEqual([143]);
    expect(err).toEqual(['cis-conformance: stopped at once on a second SIGTERM']);
  });

  it('uses the shell convention for the codes', () => {
    expect([forcedStopExitCode('SIGINT'), forcedStopExitCode('SIGTERM')]).toEqual([130, 143]);
  });
});

describe("run's line for a second signal", () => {
  it('says the reports were not written, and in live mode that cleanup --ledger finishes the clean-up', () => {
    expect(forcedStopNote({ target: { kind: 'embedded' } })).toBe('the reports were not written');
    const live = forcedStopNote({
      target: {
        kind: 'sandbox',
        host: { environment: 'sandbox' },
        transport: {},
        ledgerDir: '/tmp/r',
      },
    });
    expect(live).toBe(
      "the reports were not written, nor the clients this run created deleted: `cis-conformance cleanup --ledger /tmp/r` (the run's report folder: every ledger in it) finishes the clean-up",
    );
  });
});
