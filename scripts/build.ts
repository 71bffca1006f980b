/**
 * Compiles src/, reference/ and suites/ to ESM JavaScript in dist/ (tsconfig.build.json), so the packed
 * package runs with no TypeScript toolchain: bin/cis-conformance.js loads dist/src/cli/main.js and the engine
 * runs dist/suites/**\/*.suite.js. Run by `npm run build` and by `prepack`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

rmSync(dist, { recursive: true, force: true });
try {
  execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { cwd: root, stdio: 'inherit' });
} catch {
  console.error('build: tsc reported errors (above); dist/ is incomplete');
  process.exit(1);
}
for (const entry of [
  'dist/src/cli/main.js',
  'dist/src/engine/runner.js',
  'dist/reference/server.js',
  'dist/suites/smoke/clientsCreate.suite.js',
]) {
  if (!existsSync(join(root, entry))) {
    console.error(`build: ${entry} was not produced`);
    process.exit(1);
  }
}
console.log(`build: compiled to ${dist}`);
