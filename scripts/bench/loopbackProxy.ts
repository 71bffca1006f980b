/**
 * The bench's loopback proxies (scripts/bench/delayProxy.ts, scripts/bigAnswers.ts) share this: listen on 127.0.0.1,
 * forward every request to `upstream` as it is over a keep-alive agent, read the whole answer, let `relay` change
 * it (hold it, pad it), and pass it on with its length set. It counts the requests forwarded and the most in flight
 * at one time.
 */
import { Agent, createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Readable } from 'node:stream';

export interface ProxiedAnswer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

export interface LoopbackProxy {
  readonly url: string;
  /** Requests forwarded so far. */
  readonly forwarded: () => number;
  /** The most requests that were in flight (received, not yet answered) at one time. */
  readonly maxInFlight: () => number;
  close(): Promise<void>;
}

export async function startLoopbackProxy(
  upstream: string,
  /** Names the proxy in the 502 it answers when the upstream fails. */
  name: string,
  relay: (answer: ProxiedAnswer) => ProxiedAnswer | Promise<ProxiedAnswer>,
): Promise<LoopbackProxy> {
  const target = new URL(upstream);
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  let forwarded = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  const server: Server = createServer((req, res) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    res.on('close', () => inFlight--);
    void readAll(req).then((body) => {
      forwarded++;
      const out = httpRequest(
        {
          host: target.hostname,
          port: target.port,
          method: req.method,
          path: `${target.pathname.replace(/\/$/, '')}${req.url ?? '/'}`,
          headers: { ...req.headers, host: target.host },
          agent,
        },
        (answer) => {
          void readAll(answer)
            .then((original) => relay({ status: answer.statusCode ?? 502, headers: answer.headers, body: original }))
            .then(({ status, headers, body: relayed }) => {
              const { 'content-length': _length, 'transfer-encoding': _encoding, ...rest } = headers;
              res.writeHead(status, { ...rest, 'content-length': String(relayed.length) });
              res.end(relayed);
            });
        },
      );
      out.on('error', (error) => {
        res.writeHead(502, { 'content-type': 'text/plain' });
        res.end(`${name}: upstream failed: ${error.message}`);
      });
      out.end(body);
    });
  });
  server.keepAliveTimeout = 10_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    forwarded: () => forwarded,
    maxInFlight: () => maxInFlight,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      agent.destroy();
    },
  };
}

function readAll(stream: Readable): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}
