import { startEmbeddedTarget } from './embedded.js';
import { openUrlTarget } from './url.js';
import type { OpenTargetOptions, Target } from './types.js';

export { probeReachable, probeStateHook } from './probe.js';
export { CONVENTIONAL_STATE_PATH } from './url.js';
export type { OpenTargetOptions, Target, TargetSpec } from './types.js';

/** Opens the target a run asked for. The sandbox target is a later issue and is refused by the CLI. */
export async function openTarget(options: OpenTargetOptions): Promise<Target> {
  const { spec } = options;
  if (spec.kind === 'embedded') {
    const target = await startEmbeddedTarget({
      packageRoot: options.packageRoot,
      ...(spec.fault !== undefined ? { fault: spec.fault } : {}),
      ...(options.issuerUrl !== undefined ? { issuerUrl: options.issuerUrl } : {}),
    });
    // An explicit --state-url overrides the reference's own hook (e.g. a hook proxy under test).
    return options.stateUrl ? { ...target, stateUrl: options.stateUrl } : target;
  }
  return openUrlTarget({
    url: spec.url,
    timeoutMs: options.timeoutMs,
    ...(options.stateUrl ? { stateUrl: options.stateUrl } : {}),
  });
}
