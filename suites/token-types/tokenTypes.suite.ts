/**
 * The token-type matrix of all 14 operations (support/tokenMatrix.ts) and, per operation, the 401/403 code checks
 * and the auth error bodies (support/tokenCodes.ts). One suite file on purpose: each file pays the worker's
 * start-up (catalog, schemas, signing key) once.
 */
import { OPERATION_KEYS } from '../support/operationRecipes.js';
import { registerTokenCodeChecks } from './support/tokenCodes.js';
import { registerTokenMatrix } from './support/tokenMatrix.js';

registerTokenMatrix(OPERATION_KEYS);
registerTokenCodeChecks(OPERATION_KEYS);
