/**
 * A loopback proxy that adds a fixed delay to every answer: the bench's stand-in for a target across a network
 * (a staging service in another container, VM or region). Listens on 127.0.0.1 only; forwards every request to
 * `upstream` as it is and holds the answer `delayMs` before passing it on (scripts/bench/loopbackProxy.ts).
 */
import { startLoopbackProxy, type LoopbackProxy } from './loopbackProxy.js';

export type DelayProxy = LoopbackProxy;

export function startDelayProxy(upstream: string, delayMs: number): Promise<DelayProxy> {
  return startLoopbackProxy(
    upstream,
    'delay proxy',
    (answer) => new Promise((resolve) => setTimeout(() => resolve(answer), delayMs)),
  );
}
