import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder holding `schemas/`, `fixtures/` and `package.json`. Found by walking up from this file, because the
 * reference runs both from the checkout (`reference/*.ts`) and from a packed package (`dist/reference/*.js`).
 */
export function findPackageRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  let dir = resolve(from);
  for (;;) {
    if (isDirectory(join(dir, 'schemas')) && existsSync(join(dir, 'package.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) {
      throw new Error(`cannot find the package root (a folder with schemas/ and package.json) above ${from}`);
    }
    dir = parent;
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
