/** Token-type matrix of the five client-token Consents operations (suites/token-types/support/tokenMatrix.ts). */
import { registerTokenCodeChecks } from './support/tokenCodes.js';
import { registerTokenMatrix } from './support/tokenMatrix.js';

const KEYS = [
  'CONSENTS-LIST',
  'CONSENTS-GET',
  'CONSENTS-DELETE-USER',
  'MANAGE-CONSENTS-LIST',
  'MANAGE-CONSENTS-DELETE',
] as const;

registerTokenMatrix(KEYS);
registerTokenCodeChecks(KEYS);
