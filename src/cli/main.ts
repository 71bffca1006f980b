/** The process around runCli: the real streams, Ctrl-C, and a reader that stops reading (`| head -1`). */
import type { CliIO } from './command.js';
import { runCli } from './cli.js';

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
  let stop: () => void = () => undefined;
  const stopSignal = new Promise<void>((resolve) => (stop = resolve));
  const onSignal = (): void => stop();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const io: CliIO = { stdout: lineWriter(process.stdout), stderr: lineWriter(process.stderr), stopSignal };
  try {
    return await runCli(argv, io);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

const exitCode = await main(process.argv.slice(2));
process.exitCode = exitCode;
