/** Client ids with odd characters read as any unknown id: 404 on get, update and delete (docs/decisions.md #20). */
import { check } from '../../src/suite/index.js';
import { clientPath, clientsSession } from '../support/clients.js';
import { ODD_IDS } from '../support/oddInputs.js';
import { OP } from '../support/operationAuth.js';

const OPERATIONS = [
  { key: OP.CLIENTS_GET, method: 'GET', body: undefined },
  { key: OP.CLIENTS_UPDATE, method: 'PUT', body: { description: 'odd id' } },
  { key: OP.CLIENTS_DELETE, method: 'DELETE', body: undefined },
] as const;

for (const op of OPERATIONS) {
  for (const odd of ODD_IDS) {
    check({ requirement: `${op.key}-ODD-ID-404`, title: 'an odd client id answers 404', cell: odd.cell }, async (c) => {
      const session = await clientsSession(c);
      const path = clientPath(odd.segment, { encodedId: true });
      const res = await c.send({
        method: op.method,
        path,
        token: session.token,
        ...(op.body ? { body: op.body } : {}),
      });
      c.expect.status(res, 404);
    });
  }
}
