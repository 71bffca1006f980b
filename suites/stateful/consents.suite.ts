/**
 * Model-based test of the Consents operations: random sequences of consent set-ups (state hook), deletes by client
 * and user with and without `consent_id`, manage deletes, `/me` revokes and every listing, on a fresh app, the
 * target compared with the model (support/consents/model.ts) after every command. A failure shrinks to the few
 * commands that show it, printed with the seed and a replay command.
 */
import { check } from '../../src/suite/index.js';
import { CONSENTS_MODEL_REQUIREMENT, consentsModelCheck } from './support/consentsModelCheck.js';

check(
  {
    requirement: CONSENTS_MODEL_REQUIREMENT,
    title: 'after any sequence of consent set-ups, deletes and revokes, every listing agrees with a model of the app',
    needsStateHook: true,
  },
  consentsModelCheck,
);
