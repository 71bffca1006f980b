/**
 * A loopback proxy for the bench's memory row: it forwards every request to a served reference and pads every
 * JSON object answer with one extra top-level property, `x_bench_padding`, a string that brings the body to
 * `bytes` (default 4 MiB, under the client's 5 MiB cap). The schemas allow extra properties, so the checks do the
 * same work as against the reference itself: every answer a run reads is big, not just an error path. Answers that
 * are not a JSON object (empty, a JSON array, text) pass through unchanged.
 */
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

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
  const target = new URL(upstream);
  const filler = Buffer.alloc(bytes, 'x');
  let padded = 0;
  const server: Server = createServer((req, res) => {
    void readAll(req).then((body) => {
      const upstreamRequest = httpRequest(
        {
          host: target.hostname,
          port: target.port,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: target.host },
        },
        (answer) => {
          void readAll(answer).then((original) => {
            const headers = { ...answer.headers };
            delete headers['content-length'];
            delete headers['transfer-encoding'];
            const out = pad(original, String(headers['content-type'] ?? ''), filler, bytes);
            if (out !== original) padded += 1;
            res.writeHead(answer.statusCode ?? 502, { ...headers, 'content-length': String(out.length) });
            res.end(out);
          });
        },
      );
      upstreamRequest.on('error', (error) => {
        res.writeHead(502, { 'content-type': 'text/plain' });
        res.end(`bench proxy: ${error.message}`);
      });
      upstreamRequest.end(body);
    });
  });
  server.keepAliveTimeout = 10_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    padded: () => padded,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
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

function readAll(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}
