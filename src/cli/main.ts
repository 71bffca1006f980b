/** The process around runCli: the real streams, Ctrl-C, and a reader that stops reading (`| head -1`). */
import type { CliIO } from './command.js';
import { runCli } from './cli.js';
import { handleStopSignals } from './stopSignals.js';

/**
 * Writes lines to a stream until it breaks. A closed pipe (EPIPE: `cis-conformance serve --list-faults | head -1`)
 * is the reader saying it has seen enough, not a failure: later lines are dropped quietly and the command goes on
 * to its end (a run still writes its reports and cleans up), with no stack trace.
 */
function lineWriter(stream: NodeJS.WriteStream): (line: string) => void {
  let open = true;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    open = false;
    if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED' && stream !== process.stderr) {
      process.stderr.write(`cis-conformance: cannot write to the output any more: ${error.message}\n`);
    }
  });
  return (line) => {
    if (open && !stream.destroyed) stream.write(line + '\n');
  };
}

export async function main(argv: readonly string[]): Promise<number> {
  const stderr = lineWriter(process.stderr);
  // The first SIGINT/SIGTERM winds the command down; a second one exits at once (src/cli/stopSignals.ts).
  const stops = handleStopSignals(process, stderr);
  const io: CliIO = {
    stdout: lineWriter(process.stdout),
    stderr,
    stopSignal: stops.stopSignal,
    setForcedStopNote: stops.setForcedStopNote,
  };
  try {
    return await runCli(argv, io);
  } finally {
    stops.dispose();
  }
}

const exitCode = await main(process.argv.slice(2));
process.exitCode = exitCode;
