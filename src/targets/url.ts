import { redactUrlUserInfo } from '../http/index.js';
import { probeStateHook } from './probe.js';
import type { Target } from './types.js';

export interface UrlTargetOptions {
  readonly url: string;
  /** `--state-url`; without it the hook is looked for at `<url>/__conformance/state`. */
  readonly stateUrl?: string;
  readonly timeoutMs: number;
}

export const CONVENTIONAL_STATE_PATH = '/__conformance/state';

/** A target someone else runs. Nothing to start or stop; the state hook is probed once. */
export async function openUrlTarget(options: UrlTargetOptions): Promise<Target> {
  const baseUrl = options.url.replace(/\/+$/, '');
  const stateUrl = options.stateUrl ?? baseUrl + CONVENTIONAL_STATE_PATH;
  const unavailable = await probeStateHook(stateUrl, options.timeoutMs);
  const common = {
    label: redactUrlUserInfo(options.url),
    baseUrl,
    problems: [] as string[],
    close: async () => undefined,
  };
  if (unavailable === null) return { ...common, stateUrl };
  // An explicit --state-url that does not work is the user's mistake to hear about; a missing conventional
  // hook is normal for a target that has none (its checks are skipped with the reason).
  const problems = options.stateUrl ? [`--state-url ${options.stateUrl} is not usable: ${unavailable}`] : [];
  return { ...common, stateUrl: null, stateUnavailableReason: unavailable, problems };
}
