import { defineConfig } from 'vitest/config';

// The project's own tests (test/**). The conformance suites (suites/**) are run by the engine
// through vitest's Node API with a config of their own (src/engine/), never by this file.
export default defineConfig({
  test: {
    include: ['test/**/*.spec.ts'],
    env: { PACT_DO_NOT_TRACK: 'true' },
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Two test files at a time: vitest's default on a 2-core machine is one, and most files here wait on a run's
    // own vitest workers and its servers rather than on a core (measured: 10.8 min with one, 8.7 min with two).
    maxWorkers: 2,
  },
});
