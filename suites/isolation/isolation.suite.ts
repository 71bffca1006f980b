/**
 * Isolation of all 14 operations (decisions.md #12): another app's and another tenant's clients and consents are
 * invisible and untouchable, by id, in lists and filters, through delete-all, the manage endpoints and `/me`.
 * One suite file on purpose: each file pays the worker's start-up (catalog, schemas, signing key) once.
 */
import { registerClientsIsolation } from './support/clientsIsolation.js';
import { registerConsentsIsolation } from './support/consentsIsolation.js';
import { registerManageIsolation } from './support/manageIsolation.js';
import { registerMeIsolation } from './support/meIsolation.js';

registerClientsIsolation();
registerConsentsIsolation();
registerManageIsolation();
registerMeIsolation();
