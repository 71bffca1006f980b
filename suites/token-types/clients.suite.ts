/** Token-type matrix of the seven Clients operations (suites/token-types/support/tokenMatrix.ts). */
import { registerTokenCodeChecks } from './support/tokenCodes.js';
import { registerTokenMatrix } from './support/tokenMatrix.js';

const KEYS = [
  'CLIENTS-CREATE',
  'CLIENTS-LIST',
  'CLIENTS-DELETE-ALL',
  'CLIENTS-GET',
  'CLIENTS-UPDATE',
  'CLIENTS-DELETE',
  'CLIENTS-RESOURCES',
] as const;

registerTokenMatrix(KEYS);
registerTokenCodeChecks(KEYS);
