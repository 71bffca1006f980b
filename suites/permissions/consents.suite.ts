/** Permission matrix of the seven Consents operations; the two `/me` ones need none (suites/permissions/support/permissionMatrix.ts). */
import { registerPermissionMatrix } from './support/permissionMatrix.js';

registerPermissionMatrix([
  'CONSENTS-LIST',
  'CONSENTS-GET',
  'CONSENTS-DELETE-USER',
  'MANAGE-CONSENTS-LIST',
  'MANAGE-CONSENTS-DELETE',
  'ME-CONSENTS-LIST',
  'ME-CONSENTS-REVOKE',
]);
