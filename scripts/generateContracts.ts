/**
 * Regenerates `contracts/*.json`: runs the Pact consumer tests with CIS_UPDATE_CONTRACTS=1, which makes each
 * consumer file replace its committed pact with the one it just generated (and then check it). Commit the result.
 *
 *   npx tsx scripts/generateContracts.ts
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { UPDATE_CONTRACTS_ENV } from '../src/pact/contractFiles.js';

const packageRoot = fileURLToPath(new URL('..', import.meta.url));
const vitest = fileURLToPath(new URL('../node_modules/vitest/vitest.mjs', import.meta.url));

const run = spawnSync(process.execPath, [vitest, 'run', 'test/pact/'], {
  cwd: packageRoot,
  stdio: 'inherit',
  env: { ...process.env, [UPDATE_CONTRACTS_ENV]: '1', PACT_DO_NOT_TRACK: 'true' },
});
if (run.status !== 0) {
  console.error('generateContracts: the consumer tests failed; contracts/ may be partly updated (see above)');
}
process.exit(run.status ?? 1);
