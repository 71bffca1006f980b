/**
 * ARCHITECTURE.md's layer rules, enforced by scanning the import specifiers of every source file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findPackageRoot } from '../src/engine/packageRoot.js';

const root = findPackageRoot();

interface Import {
  readonly file: string; // repo-relative, e.g. src/engine/runner.ts
  readonly specifier: string;
  /** Repo-relative target for relative specifiers; the bare package name otherwise. */
  readonly target: string;
}

const IMPORT =
  /(?:^|[\s;])(?:import|export)\s+(?:type\s+)?(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function sourceFiles(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' });
  } catch {
    return [];
  }
  return entries.filter((f) => /\.(ts|mts|js)$/.test(f) && !f.includes('node_modules')).map((f) => join(dir, f));
}

export function importsOf(file: string, text: string): Import[] {
  const found: Import[] = [];
  for (const match of text.matchAll(IMPORT)) {
    const specifier = (match[1] ?? match[2]) as string;
    const target = specifier.startsWith('.') ? relative(root, resolve(root, dirname(file), specifier)) : specifier;
    found.push({ file, specifier, target });
  }
  return found;
}

const FILES = ['src', 'reference', 'suites', 'bin', 'schemas'].flatMap(sourceFiles);
const TEXT = new Map(FILES.map((f) => [f, readFileSync(join(root, f), 'utf8')]));
const IMPORTS = FILES.flatMap((f) => importsOf(f, TEXT.get(f) as string));

const inDir = (path: string, dir: string) => path === dir || path.startsWith(`${dir}/`);
const from = (dir: string) => IMPORTS.filter((i) => inDir(i.file, dir));
const show = (list: Import[]) => list.map((i) => `${i.file} imports '${i.specifier}'`);
const TRANSPORTS = ['undici', 'node:http', 'node:https', 'http', 'https', 'node:net', 'supertest', 'nock', 'fastify'];

/** The folder of src/ a repo-relative path lies in (`src/live/jwt.ts` → `src/live`), if any. */
function srcFolder(path: string): string | undefined {
  const [top, folder, rest] = path.split('/');
  return top === 'src' && folder !== undefined && rest !== undefined ? `src/${folder}` : undefined;
}

/** Every cycle of the folder-level import graph, each as `a → b → … → a` from its smallest folder. */
export function folderCycles(imports: readonly Import[]): string[] {
  const edges = new Map<string, Set<string>>();
  for (const i of imports) {
    const from = srcFolder(i.file);
    const to = srcFolder(i.target);
    if (from && to && from !== to) edges.set(from, (edges.get(from) ?? new Set()).add(to));
  }
  const cycles = new Set<string>();
  const walk = (path: readonly string[]) => {
    for (const next of edges.get(path[path.length - 1] as string) ?? []) {
      const at = path.indexOf(next);
      if (at >= 0) {
        const loop = path.slice(at);
        const start = loop.indexOf([...loop].sort()[0] as string);
        const rotated = [...loop.slice(start), ...loop.slice(0, start)];
        cycles.add([...rotated, rotated[0]].join(' → '));
      } else walk([...path, next]);
    }
  };
  for (const folder of edges.keys()) walk([folder]);
  return [...cycles].sort();
}

describe('the import scanner', () => {
  it('sees static, type-only, re-export and dynamic imports', () => {
    const sample =
      "import a from './x.js';\nimport type { B } from '../y.js';\nexport { c } from 'z';\nconst d = await import('./w.js');";
    expect(importsOf('src/engine/f.ts', sample).map((i) => i.target)).toEqual([
      'src/engine/x.js',
      'src/y.js',
      'z',
      'src/engine/w.js',
    ]);
    expect(IMPORTS.length).toBeGreaterThan(50);
  });

  it('finds a cycle between src/ folders and names its folders', () => {
    const imports = [
      ...importsOf('src/suite/a.ts', "import { b } from '../live/b.js';"),
      ...importsOf('src/live/b.ts', "import type { A } from '../suite/a.js';"),
      ...importsOf('src/live/c.ts', "import type { M } from '../model/m.js';"),
    ];
    expect(folderCycles(imports)).toEqual(['src/live → src/suite → src/live']);
  });
});

describe('layer rules (ARCHITECTURE.md)', () => {
  it('reference/ imports nothing from src/, suites/ or test/', () => {
    expect(show(from('reference').filter((i) => ['src', 'suites', 'test'].some((d) => inDir(i.target, d))))).toEqual(
      [],
    );
  });

  it('schemas/ code (the x-inferred merge both the harness and the reference use) imports nothing', () => {
    expect(show(from('schemas'))).toEqual([]);
  });

  it('suites/ import only src/suite, src/model, src/arbitraries, src/client, src/catalog and the Pact consumer table — never reference/ or a transport', () => {
    const allowed = ['src/suite', 'src/model', 'src/arbitraries', 'src/client', 'src/catalog', 'src/pact/consumers.js'];
    const bad = from('suites').filter((i) =>
      i.specifier.startsWith('.')
        ? !allowed.some((d) => inDir(i.target, d)) && !inDir(i.target, 'suites')
        : TRANSPORTS.includes(i.specifier),
    );
    expect(show(bad)).toEqual([]);
  });

  it('a suites/<family>/ file imports from suites/ only its own family folder and suites/support/, which imports no family', () => {
    const familyOf = (path: string) => path.split('/')[1] as string;
    const bad = from('suites').filter((i) => {
      if (!inDir(i.target, 'suites')) return false;
      const own = familyOf(i.file);
      return !inDir(i.target, 'suites/support') && (own === 'support' || familyOf(i.target) !== own);
    });
    expect(show(bad)).toEqual([]);
  });

  it('src/model/ imports nothing outside itself', () => {
    expect(show(from('src/model').filter((i) => !inDir(i.target, 'src/model')))).toEqual([]);
  });

  it('the judging code (src/suite/expect.ts, outcome.ts) never imports a transport, src/http/ or src/targets/', () => {
    const judging = ['src/suite/expect.ts', 'src/suite/outcome.ts'];
    for (const file of judging) expect(FILES).toContain(file);
    const bad = IMPORTS.filter(
      (i) =>
        judging.includes(i.file) &&
        (inDir(i.target, 'src/http') || inDir(i.target, 'src/targets') || TRANSPORTS.includes(i.specifier)),
    );
    expect(show(bad)).toEqual([]);
  });

  it('the engine never imports the CLI or reporters, and reporters never import the engine', () => {
    const engine = from('src/engine').filter((i) => inDir(i.target, 'src/cli') || inDir(i.target, 'src/reporters'));
    const reporters = from('src/reporters').filter((i) => inDir(i.target, 'src/engine'));
    expect(show([...engine, ...reporters])).toEqual([]);
  });

  it('nothing under src/ but src/suite/ and the engine that runs it imports src/suite/', () => {
    const bad = from('src').filter(
      (i) => inDir(i.target, 'src/suite') && !inDir(i.file, 'src/suite') && !inDir(i.file, 'src/engine'),
    );
    expect(show(bad)).toEqual([]);
  });

  it('the folders of src/ import one another without a cycle', () => {
    expect(folderCycles(from('src'))).toEqual([]);
  });

  it('only src/cli/ reads process.argv', () => {
    const readers = FILES.filter(
      (f) => !inDir(f, 'src/cli') && !inDir(f, 'bin') && /process\.argv/.test(TEXT.get(f) as string),
    );
    expect(readers).toEqual([]);
  });
});
