import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findPackageRoot } from '../../src/issuer/packageRoot.js';

const packageRoot = fileURLToPath(new URL('../../', import.meta.url)).replace(/\/$/, '');

describe('findPackageRoot', () => {
  it('finds the package from its own sources and from a compiled location below dist/', () => {
    expect(findPackageRoot()).toBe(packageRoot);
    expect(findPackageRoot(pathToFileURL(join(packageRoot, 'dist/src/issuer/packageRoot.js')).href)).toBe(packageRoot);
  });

  it('says where it looked when there is no package above', () => {
    const dir = mkdtempSync(join(tmpdir(), 'no-package-'));
    try {
      expect(() => findPackageRoot(join(dir, 'x.js'))).toThrow(/no package.json of cis-conformance above/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
