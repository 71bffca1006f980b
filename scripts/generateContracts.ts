/**
 * Regenerates `contracts/*.json`: runs the Pact consumer tests (`test/pact/*.pact.spec.ts`) with
 * CIS_UPDATE_CONTRACTS=1, which makes each consumer file replace its committed pact with the one it just generated
 * (and then check it). What a pact holds follows the catalog's evidence and the documented view of the body schemas
 * (docs/guides/pact.md "What the contracts hold"), so regenerate after either changes. Commit the result.
 *
 *   npx tsx scripts/generateContracts.ts
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { UPDATE_CONTRACTS_ENV } from '../src/pact/contractFiles.js';

const packageRoot = fileURLToPath(new URL('..', import.meta.url));
const vitest = fileURLToPath(new URL('../node_modules/vitest/vitest.mjs', import.meta.url));

const consumerTests = readdirSync(new URL('../test/pact/', import.meta.url))
  .filter((file) => file.endsWith('.pact.spec.ts'))
  .map((file) => `test/pact/${file}`);

const run = spawnSync(process.execPath, [vitest, 'run', ...consumerTests], {
  cwd: packageRoot,
  stdio: 'inherit',
  env: { ...process.env, [UPDATE_CONTRACTS_ENV]: '1', PACT_DO_NOT_TRACK: 'true' },
});
if (run.status !== 0) {
  console.error('generateContracts: the consumer tests failed; contracts/ may be partly updated (see above)');
}
process.exit(run.status ?? 1);
