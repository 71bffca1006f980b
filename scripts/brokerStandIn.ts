/**
 * Starts the Pact Broker stand-in of the tests (test/pact/support/brokerStandIn.ts) on 127.0.0.1 for a manual
 * run, prints its URL, and on Ctrl-C (or SIGTERM) writes what it received as JSON (to --record FILE, or stdout).
 *
 *   npx tsx scripts/brokerStandIn.ts [--pending CONSUMER]... [--contracts DIR] [--record FILE] [--not-deployable]
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startBrokerStandIn } from '../test/pact/support/brokerStandIn.js';

const { values } = parseArgs({
  options: {
    pending: { type: 'string', multiple: true, default: [] },
    contracts: { type: 'string' },
    record: { type: 'string' },
    'not-deployable': { type: 'boolean', default: false },
  },
});
const broker = await startBrokerStandIn({
  contractsDir: values.contracts ?? fileURLToPath(new URL('../contracts', import.meta.url)),
  pending: values.pending,
  deployable: !values['not-deployable'],
});
console.log(`broker stand-in at ${broker.url}`);
const parsed = (body: string): unknown => {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return body;
  }
};
const stop = () => {
  const record = JSON.stringify(
    {
      received: broker.received.map(({ method, path, authorization, body }) => ({
        method,
        path,
        ...(authorization ? { authorization: authorization.replace(/ .*/, ' <redacted>') } : {}),
        ...(body ? { body: parsed(body) } : {}),
      })),
      forVerification: broker.forVerification,
      results: broker.results.map(({ body: _body, ...r }) => r),
      branches: broker.branches,
      providerContracts: broker.providerContracts,
      deployments: broker.deployments,
    },
    null,
    2,
  );
  if (values.record) writeFileSync(values.record, `${record}\n`);
  else console.log(record);
  void broker.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
