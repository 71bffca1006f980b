/**
 * Properties of the Clients body operations over bodies generated from the request schemas (src/arbitraries):
 * valid bodies are accepted, conform and read back as sent, PUT replaces objects whole, mutated bodies are
 * refused with 400, nothing answers 5xx. Each check runs a share of `--runs` cases; a failure reports the shrunk
 * body with its replay command.
 */
import { check } from '../../src/suite/index.js';
import { invalidCreatesRejected, validCreatesAccepted } from './support/createProperties.js';
import { invalidUpdatesRejected, validUpdatesAccepted } from './support/updateProperties.js';

check(
  {
    requirement: 'CLIENTS-CREATE-PROP-VALID-ACCEPTED',
    title: 'generated valid create bodies answer 201 with a conforming client that reads back as sent',
  },
  validCreatesAccepted,
);

check(
  {
    requirement: 'CLIENTS-CREATE-PROP-INVALID-REJECTED',
    title: 'create bodies mutated to break the schema answer 400 with the documented error body',
  },
  invalidCreatesRejected,
);

check(
  {
    requirement: 'CLIENTS-UPDATE-PROP-VALID-ACCEPTED',
    title:
      "generated valid update bodies for the client's protocol answer 200, read back as sent, replace objects whole",
  },
  validUpdatesAccepted,
);

check(
  {
    requirement: 'CLIENTS-UPDATE-PROP-INVALID-REJECTED',
    title: 'update bodies mutated to break the schema answer 400 with the documented error body',
  },
  invalidUpdatesRejected,
);
