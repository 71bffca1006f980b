/**
 * Client names the live sweep can prove the run's. In live mode the sweep deletes a client only when its name
 * carries the run's prefix `-<runId>-` (docs/decisions.md #49, #75), so a name a check makes itself (a generated
 * one, a rename by PUT) is put behind a fixture id there: `<name>-<runId>-<hash><n> <generated>`. The schemas give
 * `name` no length, pattern or format, so the prefixed name is valid exactly when the generated one is. Off live
 * mode names are sent unchanged, so a default run sends what it always sent.
 */
import type { CheckContext } from '../../src/suite/index.js';

/** Whether the run works on a live service (a sandbox or its stand-in), where its clients are swept by name. */
export function isLive(c: CheckContext): boolean {
  return c.config.live !== undefined;
}

/** `name` behind a run-unique fixture id in live mode; `name` itself otherwise. */
export function runOwnedName(c: CheckContext, name: string): string {
  return isLive(c) ? `${c.fixtures.id('name')} ${name}` : name;
}
