import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findPackageRoot, listSuites, suiteLayout } from '../../src/engine/packageRoot.js';
import { suiteNameOf } from '../../src/engine/vitestReporter.js';

const root = findPackageRoot();

describe('package layout', () => {
  it('finds the package root from anywhere inside it', () => {
    expect(findPackageRoot(join(root, 'src', 'engine'))).toBe(root);
  });

  it('runs TypeScript suites from source and compiled ones from dist/', () => {
    expect(suiteLayout(root, join(root, 'src/engine/packageRoot.ts'))).toEqual({
      dir: 'suites',
      extension: '.suite.ts',
    });
    expect(suiteLayout(root, join(root, 'dist/src/engine/packageRoot.js'))).toEqual({
      dir: 'dist/suites',
      extension: '.suite.js',
    });
  });

  it('lists suite folders and names a suite file by its folder', () => {
    expect(listSuites(root)).toContain('smoke');
    expect(suiteNameOf(join(root, 'suites/smoke/deep/x.suite.ts'), join(root, 'suites'))).toBe('smoke');
  });
});
