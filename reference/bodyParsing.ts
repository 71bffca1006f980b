import type { FastifyInstance } from 'fastify';
import type { ChoiceSet } from './choices.js';
import { badRequest } from './errors.js';

/** Decisions #7: a body over 100 KiB answers 413. */
export const BODY_LIMIT_BYTES = 100 * 1024;

/** The body limit: 100 KiB, or 1 MiB under the choice `body-limit-1mib` (reference/choices.ts). */
export function bodyLimitBytes(choices: ChoiceSet): number {
  return choices.isOn('body-limit-1mib') ? 1024 * 1024 : BODY_LIMIT_BYTES;
}

/**
 * Deeper JSON than this is refused with 400. No request schema nests more than a few levels, and a bound keeps
 * recursive work on stored data (cloning, serializing) far from the stack limit.
 */
export const MAX_JSON_DEPTH = 32;

/**
 * Only `application/json` bodies are parsed (anything else answers 415, decisions #7); `__proto__` and
 * `constructor.prototype` keys are dropped at parse time so no body can reach an object's prototype.
 */
export function installJsonBodyParser(app: FastifyInstance, bodyLimit = BODY_LIMIT_BYTES): void {
  app.removeAllContentTypeParsers();
  const parseJson = app.getDefaultJsonParser('remove', 'remove');
  app.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit }, (request, body, done) => {
    parseJson(request, body as string, (error: Error | null, value?: unknown) => {
      if (error) return done(error, undefined);
      const depth = jsonDepth(value);
      if (depth > MAX_JSON_DEPTH) {
        return done(badRequest(`body nests ${depth} levels deep; at most ${MAX_JSON_DEPTH} are accepted`), undefined);
      }
      done(null, value);
    });
  });
}

/** Nesting depth of parsed JSON, measured without recursion (the input may be thousands of levels deep). */
export function jsonDepth(value: unknown): number {
  let deepest = 0;
  const pending: Array<[unknown, number]> = [[value, 1]];
  while (pending.length > 0) {
    const [node, depth] = pending.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth > deepest) deepest = depth;
    if (deepest > MAX_JSON_DEPTH) return deepest;
    for (const child of Object.values(node)) pending.push([child, depth + 1]);
  }
  return deepest;
}
