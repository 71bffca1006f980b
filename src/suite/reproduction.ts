import { hostOfLabel, liveFlags } from '../live/hosts.js';
import { urlBelow } from '../http/paths.js';
import { redactUrlUserInfo } from '../http/redact.js';
import { shellWord } from '../http/shellQuote.js';
import type { SuiteRunConfig } from './types.js';

/** The one-line command that re-runs the checks of one requirement with the same seed on the same target. */
export function reproductionCommand(config: SuiteRunConfig, requirement: string, replayPath?: string): string {
  const parts = ['npx cis-conformance run', `--check ${requirement}`, `--seed ${config.seed}`];
  // A live host's label (`production-eu`) is not a --target value: name the flags that select it again.
  const live = hostOfLabel(config.targetLabel);
  parts.push(live ? liveFlags(live) : `--target ${shellWord(config.targetLabel)}`);
  const probedHook = urlBelow(config.targetLabel, '/__conformance/state');
  // The label has the target's password redacted (targetLabelOf); compare the hook the same way.
  if (config.targetLabel !== 'embedded' && config.stateUrl && redactUrlUserInfo(config.stateUrl) !== probedHook) {
    parts.push(`--state-url ${shellWord(config.stateUrl)}`);
  }
  if (config.fault) parts.push(`--fault ${shellWord(config.fault)}`);
  if (config.choices === 'alternate') parts.push('--choices alternate');
  else if (config.choices && config.choices.length > 0) parts.push(`--choice ${shellWord(config.choices.join(','))}`);
  if (config.strict) parts.push('--strict');
  if (replayPath !== undefined) parts.push(`--replay-path ${shellWord(replayPath)}`);
  return parts.join(' ');
}
