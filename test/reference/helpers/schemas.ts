import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import formatsPlugin from 'ajv-formats';
import { expect } from 'vitest';
import { PACKAGE_ROOT } from './packageRoot.js';

const addFormats = formatsPlugin.default;

/** Every schema under schemas/, in a strict ajv: a test asserting a body shape uses the committed contract. */
const ajv = new Ajv2020({ strict: true, strictTuples: false, allErrors: true });
addFormats(ajv);
const dir = join(PACKAGE_ROOT, 'schemas');
for (const file of readdirSync(dir).filter((f) => f.endsWith('.schema.json'))) {
  ajv.addSchema(JSON.parse(readFileSync(join(dir, file), 'utf8')) as object, file);
}

/** Asserts that `body` validates against `schemas/<file>`, printing ajv's errors otherwise. */
export function expectMatchesSchema(file: string, body: unknown): void {
  const validate = ajv.getSchema(file);
  if (!validate) throw new Error(`no schema ${file}`);
  const valid = validate(body);
  expect(valid ? [] : validate.errors, `body should match ${file}`).toEqual([]);
}
