/** Permission matrix of the seven Clients operations (suites/permissions/support/permissionMatrix.ts). */
import { registerPermissionMatrix } from './support/permissionMatrix.js';

registerPermissionMatrix([
  'CLIENTS-CREATE',
  'CLIENTS-LIST',
  'CLIENTS-DELETE-ALL',
  'CLIENTS-GET',
  'CLIENTS-UPDATE',
  'CLIENTS-DELETE',
  'CLIENTS-RESOURCES',
]);
