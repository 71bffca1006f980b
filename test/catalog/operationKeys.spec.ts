/**
 * Issue 17: outside the generated operation table (`schemas/`), no source spells an operation key by hand — the
 * harness, the suites and the reference name operations by the table's constants (`OP.CLIENTS_CREATE`), so a key
 * exists in one place. Every string literal is read with the TypeScript parser: comments do not count, and a
 * requirement id such as `CLIENTS-CREATE-201` is not a key.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { OPERATION_KEYS } from '../../src/catalog/operationTable.js';
import { findPackageRoot } from '../../src/engine/packageRoot.js';

const root = findPackageRoot();
const KEYS: ReadonlySet<string> = new Set(OPERATION_KEYS);

/** Each string literal of `text` that is exactly an operation key, as `file:line 'KEY'`. */
export function handSpelledKeys(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && KEYS.has(node.text)) {
      const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
      found.push(`${file}:${line + 1} '${node.text}'`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ts|mts|js)$/.test(f) && !f.includes('node_modules'))
    .map((f) => join(dir, f));
}

describe('operation keys spelled by hand', () => {
  it('are found as a string, an object key, a type or a template, never in a comment or a requirement id', () => {
    const text = [
      "import { OP } from './operationTable.js';",
      "const a = 'CLIENTS-CREATE';",
      'const b = { "CLIENTS-UPDATE": 1, [OP.CLIENTS_GET]: 2 };',
      "type C = { key: 'ME-CONSENTS-REVOKE' | typeof OP.CONSENTS_LIST };",
      'const d = `MANAGE-CONSENTS-LIST`;',
      "// 'CONSENTS-GET' in a comment",
      "/** `CLIENTS-DELETE` in a doc comment, 'CLIENTS-LIST' too */",
      "const e = ['CLIENTS-CREATE-201', `${OP.CLIENTS_GET}-GONE`, 'ME-CONSENTS-REVOKE-ISOLATION-USER'];",
    ].join('\n');
    expect(handSpelledKeys('x.ts', text)).toEqual([
      "x.ts:2 'CLIENTS-CREATE'",
      "x.ts:3 'CLIENTS-UPDATE'",
      "x.ts:4 'ME-CONSENTS-REVOKE'",
      "x.ts:5 'MANAGE-CONSENTS-LIST'",
    ]);
  });

  it('appear nowhere in src/, suites/ or reference/: they use the table constants (OP)', () => {
    const found = ['src', 'suites', 'reference']
      .flatMap(sourceFiles)
      .flatMap((file) => handSpelledKeys(file, readFileSync(join(root, file), 'utf8')));
    expect(found).toEqual([]);
  });
});
