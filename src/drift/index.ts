export {
  diffResults,
  driftExitCode,
  type CheckChange,
  type Drift,
  type ObservationChange,
  type RunSummary,
} from './diff.js';
export { formatDriftMarkdown, formatDriftText, headline } from './format.js';
