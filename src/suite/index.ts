/** What suites import: `check` and the types of the check API. */
export { check } from './check.js';
export { checkTestName, requirementTestNamePattern } from './naming.js';
export type * from './types.js';
