/**
 * Provider verification of the committed Pact contracts as part of the normal run: one check per interaction,
 * family `pact`, recorded under the first requirement the interaction names and judged by the weakest of them
 * (support/contractInteractions.ts). Suites may not open sockets or import a transport, so the interactions are
 * replayed through the run's client rather than Pact's verifier (which runs its own proxy); see support/replay.ts.
 * `cis-conformance pact verify` runs the same contracts through Pact's verifier itself, with the same verdicts.
 */
import { check } from '../../src/suite/index.js';
import { loadCatalog } from '../../src/catalog/catalog.js';
import { findContractsRoot, readContractInteractions } from './support/contractInteractions.js';
import { replayInteraction } from './support/replay.js';

const root = findContractsRoot();
if (!root) {
  throw new Error('the pact suite cannot find contracts/ beside schemas/ above it (is contracts/ in the package?)');
}

for (const interaction of readContractInteractions(root, loadCatalog(root))) {
  check(
    {
      requirement: interaction.requirements[0] as string,
      title: `${interaction.consumer}: ${interaction.description}`,
      family: 'pact',
      needsStateHook: true,
    },
    (c) => replayInteraction(c, interaction),
  );
}
