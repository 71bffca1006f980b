import { randomBytes } from 'node:crypto';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { redactUrlUserInfo, removeGateFile, resetGateFile, type TransportPolicy } from '../http/index.js';
import { liveLabel } from '../live/hosts.js';
import { startEmbeddedTarget } from './embedded.js';
import { openSandboxTarget } from './sandbox.js';
import { openUrlTarget } from './url.js';
import type { OpenTargetOptions, Target, TargetSpec, TransportOptions } from './types.js';

export { probeReachable, probeStateHook } from './probe.js';
export { CONVENTIONAL_STATE_PATH } from './url.js';
export { LIVE_NO_STATE_HOOK } from './sandbox.js';
export type { OpenTargetOptions, SandboxTargetSpec, Target, TargetSpec, TransportOptions } from './types.js';

/** How reports and reproduction commands name the target before it is opened. */
export function targetLabelOf(spec: TargetSpec): string {
  if (spec.kind === 'embedded') return 'embedded';
  // Never the password of `http://user:password@host`: the label is printed and written into every report.
  return spec.kind === 'url' ? redactUrlUserInfo(spec.url) : liveLabel(spec.host);
}

/** Opens the target a run asked for. */
export async function openTarget(options: OpenTargetOptions): Promise<Target> {
  const { spec } = options;
  if (spec.kind === 'sandbox') {
    return openSandboxTarget({
      spec,
      timeoutMs: options.timeoutMs,
      env: options.env ?? process.env,
      runId: options.runId ?? randomBytes(4).toString('hex'),
    });
  }
  if (spec.kind === 'embedded') {
    const target = await startEmbeddedTarget({
      packageRoot: options.packageRoot,
      ...(spec.fault !== undefined ? { fault: spec.fault } : {}),
      ...(spec.choices !== undefined ? { choices: spec.choices } : {}),
      ...(options.issuerUrl !== undefined ? { issuerUrl: options.issuerUrl } : {}),
    });
    // An explicit --state-url overrides the reference's own hook (e.g. a hook proxy under test).
    return withTransport(options.stateUrl ? { ...target, stateUrl: options.stateUrl } : target, spec.transport);
  }
  const target = await openUrlTarget({
    url: spec.url,
    timeoutMs: options.timeoutMs,
    ...(options.stateUrl ? { stateUrl: options.stateUrl } : {}),
  });
  return withTransport(target, spec.transport);
}

/** `--retries`/`--rate`/`--max-requests` on a local target; a rate or budget gets a gate file all workers share. */
function withTransport(target: Target, options: TransportOptions | undefined): Target {
  if (!options || Object.keys(options).length === 0) return target;
  const limited = options.ratePerSecond !== undefined || options.maxRequests !== undefined;
  const gateFile = limited ? join(tmpdir(), `cis-conformance-gate-${randomUUID()}.json`) : undefined;
  if (gateFile) resetGateFile(gateFile);
  const transport: TransportPolicy = { ...options, ...(gateFile ? { gateFile } : {}) };
  return {
    ...target,
    suiteConfig: { ...target.suiteConfig, transport },
    async close() {
      try {
        await target.close();
      } finally {
        if (gateFile) removeGateFile(gateFile);
      }
    },
  };
}
