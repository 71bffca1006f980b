/** Mutation testing of the suites: seeded reference faults, each run until a check fails. */
export { killFault, runMutants, selectFaults, type FaultRunContext, type MutantsRunOptions } from './runMutants.js';
export { catalogCoverage, coverageOf, judgedStrict, targetedPlan, type Coverage, type TargetedPlan } from './plan.js';
export { brokenRules, firstFailure, tallyRun, type TallyOptions, type TalliedRun } from './tallyRun.js';
export { cleanRunLine, mutantsSummaryLines, mutantsTableLines } from './table.js';
export { mutantsHtml } from './html.js';
export { MUTANTS_HTML, MUTANTS_JSON, writeMutantsReport } from './writeReport.js';
export type * from './types.js';
