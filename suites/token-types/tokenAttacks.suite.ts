/**
 * Generative token attacks on all 14 operations (support/claimMutations.ts): one valid token changed in one header
 * field, claim or signature at a time — algorithm confusion, `alg: none` spelled otherwise, keys the target does
 * not trust, `exp` minutes past or missing — and what tokens within a minute of their `exp`/`nbf` get. The
 * smuggled-rights kinds of the same generator run with the permission matrix (suites/permissions/).
 */
import { OPERATION_KEYS } from '../support/operationRecipes.js';
import { registerClockObservations, registerMutationChecks, TOKEN_MUTATION_KINDS } from '../support/claimMutations.js';

registerMutationChecks(OPERATION_KEYS, TOKEN_MUTATION_KINDS);
registerClockObservations(OPERATION_KEYS);
