/** The engine's public surface: run a conformance run programmatically. */
export { runConformance } from './runner.js';
export { exitCodeFor } from './exitCode.js';
export { buildRunResults, summarize, uncoveredRequirements, type RunSelection } from './results.js';
export { findPackageRoot, listSuites, suiteLayout, type SuiteLayout } from './packageRoot.js';
export {
  DEFAULT_CONCURRENCY,
  DEFAULT_DEADLINE_MS,
  DEFAULT_LIVE_DEADLINE_MS,
  LIVE_CONCURRENCY,
} from './types.js';
export type { RunConfig, RunnerOptions, RunOutcome, ExitCode } from './types.js';
