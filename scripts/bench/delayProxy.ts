/**
 * A loopback proxy that adds a fixed delay to every answer: the bench's stand-in for a target across a network
 * (a staging service in another container, VM or region). Listens on 127.0.0.1 only; forwards every request to
 * `upstream` as it is and holds the answer `delayMs` before passing it on.
 */
import { createServer, request as httpRequest, Agent, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface DelayProxy {
  readonly url: string;
  /** Requests forwarded so far. */
  readonly forwarded: () => number;
  /** The most requests that were in flight (received, not yet answered) at one time. */
  readonly maxInFlight: () => number;
  close(): Promise<void>;
}

export async function startDelayProxy(upstream: string, delayMs: number): Promise<DelayProxy> {
  const target = new URL(upstream);
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  let forwarded = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    res.on('close', () => inFlight--);
    req.on('end', () => {
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
          const body: Buffer[] = [];
          answer.on('data', (chunk: Buffer) => body.push(chunk));
          answer.on('end', () => {
            setTimeout(() => {
              res.writeHead(answer.statusCode ?? 502, answer.headers);
              res.end(Buffer.concat(body));
            }, delayMs);
          });
        },
      );
      out.on('error', (error) => {
        res.writeHead(502, { 'content-type': 'text/plain' });
        res.end(`delay proxy: upstream failed: ${error.message}`);
      });
      out.end(Buffer.concat(chunks));
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
