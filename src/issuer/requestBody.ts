import type { IncomingMessage } from 'node:http';

/** A request body over the server's limit: the server answers 413 and closes. */
export class BodyTooLarge extends Error {}

/** Reads a request's whole body, rejecting with BodyTooLarge once it passes `maxBytes` (the issuer, the stand-in). */
export async function readCappedBody(request: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw new BodyTooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
