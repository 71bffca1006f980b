/**
 * Model-based test of the Clients operations: random sequences of create, update, resources, get, list, delete
 * and delete-all on a fresh app, the target compared with the model (support/clients/model.ts) after every
 * command. A failure shrinks to the few commands that show it, printed with the seed and a replay command.
 */
import { check } from '../../src/suite/index.js';
import { CLIENTS_MODEL_REQUIREMENT, clientsModelCheck } from './support/clientsModelCheck.js';

check(
  {
    requirement: CLIENTS_MODEL_REQUIREMENT,
    title: 'after any sequence of Clients operations, get and list agree with a model of the app',
  },
  clientsModelCheck,
);
