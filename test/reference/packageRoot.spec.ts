import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findPackageRoot } from '../../reference/packageRoot.js';
import { PACKAGE_ROOT } from './support/packageRoot.js';

describe('findPackageRoot', () => {
  it('walks up from the reference folder (or a nested one) to the folder with schemas/ and package.json', () => {
    expect(findPackageRoot()).toBe(PACKAGE_ROOT);
    expect(findPackageRoot(join(PACKAGE_ROOT, 'reference', 'routes'))).toBe(PACKAGE_ROOT);
  });

  it('names the start folder when there is no package root above it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cis-root-'));
    try {
      expect(() => findPackageRoot(dir)).toThrow(
        `cannot find the package root (a folder with schemas/ and package.json) above ${dir}`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
