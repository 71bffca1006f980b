/** One CLI sub-command. The registry (`registry.ts`) is the single list; usage text and docs derive from it. */
export interface CliCommand {
  /** As typed: `run`, `serve`, `merge-reports`, `pact` ... */
  readonly name: string;
  /** One line for `cis-conformance --help`. */
  readonly summary: string;
  /** Full usage text for `cis-conformance <name> --help`. */
  readonly usage: string;
  /** Returns the process exit code. Long-running commands (serve, issuer) resolve only when stopped. */
  run(args: readonly string[], io: CliIO): Promise<number>;
}

export interface CliIO {
  readonly stdout: (line: string) => void;
  readonly stderr: (line: string) => void;
  /** Resolves when the user asks to stop (SIGINT/SIGTERM); long-running commands await it. */
  readonly stopSignal: Promise<void>;
  /**
   * What a second SIGINT/SIGTERM, which exits at once, leaves undone (`the reports were not written`): printed in
   * its one line (src/cli/stopSignals.ts). Absent where nothing listens to signals (tests calling a command).
   */
  readonly setForcedStopNote?: (note: string) => void;
}

/** A malformed invocation: printed with the command's usage, exit code 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly flag?: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}
