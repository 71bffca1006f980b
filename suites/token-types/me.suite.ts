/** Token-type matrix of the two `/me` operations, which take a UserAccessToken (suites/token-types/support/tokenMatrix.ts). */
import { registerTokenCodeChecks } from './support/tokenCodes.js';
import { registerTokenMatrix } from './support/tokenMatrix.js';

const KEYS = ['ME-CONSENTS-LIST', 'ME-CONSENTS-REVOKE'] as const;

registerTokenMatrix(KEYS);
registerTokenCodeChecks(KEYS);
