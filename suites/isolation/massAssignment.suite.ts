/**
 * Mass assignment and scope smuggling (docs/decisions.md #29): ownership fields in bodies and undocumented
 * `app_id`/`tenant_id` in the query never let a token reach another app's or tenant's clients and consents.
 * The server-chosen fields of the caller's own clients are judged in suites/semantics/serverFields.suite.ts.
 */
import { registerSmuggledBodies } from './support/smuggledBodies.js';
import { registerSmuggledQueries } from './support/smuggledQueries.js';

registerSmuggledBodies();
registerSmuggledQueries();
