#!/usr/bin/env node
// Entry point. From a checkout (src/ present, tsx installed) it runs the TypeScript sources; from an
// installed package it runs the compiled JavaScript in dist/ (built by `npm pack` through `prepack`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = new URL('../', import.meta.url);
const source = new URL('src/cli/main.ts', root);
const compiled = new URL('dist/src/cli/main.js', root);

async function loadTsx() {
  try {
    const { register } = await import('tsx/esm/api');
    register();
    return true;
  } catch {
    return false;
  }
}

if (existsSync(fileURLToPath(source)) && (await loadTsx())) {
  await import(source.href);
} else if (existsSync(fileURLToPath(compiled))) {
  await import(compiled.href);
} else {
  console.error(
    'cis-conformance: neither src/cli/main.ts (with tsx) nor dist/src/cli/main.js was found; run `npm run build`.',
  );
  process.exit(2);
}
