/**
 * A loopback proxy for the bench's memory row: it forwards every request to a served reference and pads every
 * JSON object answer with one extra top-level property, `x_bench_padding`, a string that brings the body to
 * `bytes` (default 4 MiB, under the client's 5 MiB cap). The schemas allow extra properties, so the checks do the
 * same work as against the reference itself: every answer a run reads is big, not just an error path. Answers that
 * are not a JSON object (empty, a JSON array, text) pass through unchanged.
 */
import { startLoopbackProxy } from './bench/loopbackProxy.js';

export const BIG_ANSWER_BYTES = 4 * 1024 * 1024;
export const PADDING_PROPERTY = 'x_bench_padding';

export interface BigAnswersProxy {
  readonly url: string;
  /** Answers padded so far. */
  readonly padded: () => number;
  close(): Promise<void>;
}

export async function startBigAnswersProxy(
  upstream: string,
  bytes: number = BIG_ANSWER_BYTES,
): Promise<BigAnswersProxy> {
  const filler = Buffer.alloc(bytes, 'x');
  let padded = 0;
  const proxy = await startLoopbackProxy(upstream, 'bench proxy', (answer) => {
    const body = pad(answer.body, String(answer.headers['content-type'] ?? ''), filler, bytes);
    if (body !== answer.body) padded += 1;
    return { ...answer, body };
  });
  return { url: proxy.url, padded: () => padded, close: () => proxy.close() };
}

/** `{"a":1}` becomes `{"x_bench_padding":"xxx…","a":1}`, `bytes` long in all (the padding shrinks to fit). */
function pad(body: Buffer, contentType: string, filler: Buffer, bytes: number): Buffer {
  if (!/json/i.test(contentType) || body[0] !== 0x7b /* { */) return body;
  const rest = body.subarray(1);
  const empty = rest.toString('utf8').trim() === '}';
  const head = Buffer.from(`{"${PADDING_PROPERTY}":"`);
  const tail = Buffer.from(empty ? '"' : '",');
  const room = bytes - head.length - tail.length - rest.length;
  if (room <= 0) return body;
  return Buffer.concat([head, filler.subarray(0, room), tail, rest]);
}
