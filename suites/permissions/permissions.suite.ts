/**
 * The permission matrix of all 14 operations (support/permissionMatrix.ts): seven rows per client-token operation,
 * one for each `/me` operation. One suite file on purpose: each file pays the worker's start-up once.
 */
import { OPERATION_KEYS } from '../support/operationRecipes.js';
import { registerPermissionMatrix } from './support/permissionMatrix.js';

registerPermissionMatrix(OPERATION_KEYS);
