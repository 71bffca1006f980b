/**
 * The permission matrix of all 14 operations (support/permissionMatrix.ts): seven rows per client-token operation,
 * one for each `/me` operation, and the smuggled-rights checks of the token mutation generator. One suite file on
 * purpose: each file pays the worker's start-up once.
 */
import { OPERATION_KEYS } from '../support/operationRecipes.js';
import { registerMutationChecks, RIGHTS_MUTATION_KINDS } from '../support/claimMutations.js';
import { registerPermissionMatrix } from './support/permissionMatrix.js';

registerPermissionMatrix(OPERATION_KEYS);
// Rights smuggled through claims other than ts_permissions, and roles named like admin (the token generator's).
registerMutationChecks(OPERATION_KEYS, RIGHTS_MUTATION_KINDS);
