import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE_NAME = 'cis-conformance';

/** The folder of this package (with `schemas/` and the package.json named cis-conformance), from the checkout or an install. */
export function findPackageRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'schemas')) && readPackageName(dir) === PACKAGE_NAME) return dir;
    if (dirname(dir) === dir) throw new Error(`cannot find the cis-conformance package root above ${from}`);
  }
}

function readPackageName(dir: string): string | undefined {
  try {
    return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string }).name;
  } catch {
    return undefined;
  }
}

export function packageVersion(packageRoot: string): string {
  return (
    (JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version?: string }).version ?? '0.0.0'
  );
}

/** Where the suites are: TypeScript sources in a checkout, compiled JavaScript in an installed package. */
export interface SuiteLayout {
  /** Relative to the package root, e.g. `suites` or `dist/suites`. */
  readonly dir: string;
  readonly extension: '.suite.ts' | '.suite.js';
}

/** Compiled mode is decided by where this engine file runs from, so source and suites always match. */
export function suiteLayout(packageRoot: string, engineFile: string = fileURLToPath(import.meta.url)): SuiteLayout {
  const compiled = resolve(engineFile).startsWith(join(packageRoot, 'dist') + sep);
  return compiled ? { dir: 'dist/suites', extension: '.suite.js' } : { dir: 'suites', extension: '.suite.ts' };
}

/** The suite names: folders under the suite directory holding at least one suite file. */
export function listSuites(packageRoot: string, layout: SuiteLayout = suiteLayout(packageRoot)): string[] {
  const dir = join(packageRoot, layout.dir);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => statSync(join(dir, name)).isDirectory() && containsSuite(join(dir, name), layout.extension))
    .sort();
}

function containsSuite(dir: string, extension: string): boolean {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).some((file) => file.endsWith(extension));
}
