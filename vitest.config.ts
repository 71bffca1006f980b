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
  },
});
