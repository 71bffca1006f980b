/**
 * Ctrl-C, the usual way: the first SIGINT/SIGTERM asks the command to wind down (a run cancels the checks not yet
 * started, writes its reports with them `error` "interrupted" and, live, cleans up); a second one while it winds
 * down stops the process at once, with one line on stderr saying what was left undone, exit code 128 + the signal's
 * number (130 for SIGINT, 143 for SIGTERM), as shells report a process killed by that signal. Decision #52.
 */
import { constants } from 'node:os';

const STOP_SIGNALS = ['SIGINT', 'SIGTERM'] as const;
type StopSignal = (typeof STOP_SIGNALS)[number];

/** The part of `process` the handling uses (a test passes an EventEmitter with its own `exit`). */
export interface SignalSource {
  on(signal: StopSignal, listener: (signal: StopSignal) => void): unknown;
  off(signal: StopSignal, listener: (signal: StopSignal) => void): unknown;
  exit(code: number): never | void;
}

export interface StopHandling {
  /** Resolves at the first SIGINT/SIGTERM. */
  readonly stopSignal: Promise<void>;
  /** What a second signal leaves undone, said in its line (`the reports were not written`); the last one set wins. */
  setForcedStopNote(note: string): void;
  /** Removes the listeners (the command is over). */
  dispose(): void;
}

/** 128 + the signal's number: 130 for SIGINT, 143 for SIGTERM. */
export function forcedStopExitCode(signal: StopSignal): number {
  return 128 + constants.signals[signal];
}

export function forcedStopLine(signal: StopSignal, note: string | undefined): string {
  return `cis-conformance: stopped at once on a second ${signal}${note !== undefined ? `: ${note}` : ''}`;
}

export function handleStopSignals(source: SignalSource, stderr: (line: string) => void): StopHandling {
  let stop: () => void = () => undefined;
  const stopSignal = new Promise<void>((resolve) => (stop = resolve));
  let stopping = false;
  let note: string | undefined;
  const onSignal = (signal: StopSignal): void => {
    if (!stopping) {
      stopping = true;
      if (note !== undefined)
        stderr(`cis-conformance: ${signal}: winding down (a second SIGINT or SIGTERM stops at once)`);
      stop();
      return;
    }
    stderr(forcedStopLine(signal, note));
    source.exit(forcedStopExitCode(signal));
  };
  for (const signal of STOP_SIGNALS) source.on(signal, onSignal);
  return {
    stopSignal,
    setForcedStopNote: (text) => (note = text),
    dispose: () => {
      for (const signal of STOP_SIGNALS) source.off(signal, onSignal);
    },
  };
}
