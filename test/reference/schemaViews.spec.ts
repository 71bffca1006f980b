/**
 * The reference validates requests against the full view of each schema (docs/decisions.md #35) with the merge of
 * `schemas/fullView.ts`, the one the harness's catalog uses too (`reference/` imports nothing from `src/`): the two
 * must agree on every schema file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRequestValidator } from '../../reference/validation/requestValidator.js';
import { fullView as referenceFullView } from '../../schemas/fullView.js';
import { fullView } from '../../src/catalog/schemaViews.js';
import { PACKAGE_ROOT } from './support/packageRoot.js';

const dir = join(PACKAGE_ROOT, 'schemas');
const files = readdirSync(dir).filter((f) => f.endsWith('.schema.json'));

describe("the reference's full view of the schemas", () => {
  it('is the merge the harness uses, from one module', () => {
    expect(referenceFullView).toBe(fullView);
  });

  it.each(files)('%s: equals the harness full view', (file) => {
    const schema: unknown = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    expect(referenceFullView(schema)).toEqual(fullView(schema));
  });

  it('enforces inferred request constraints: a SAML create without sp_entity_id is refused', () => {
    const validator = loadRequestValidator(PACKAGE_ROOT);
    const saml = { name: 'n', authentication_protocol: 'saml' };
    expect(() => validator.assertValid('client-create-saml.request.schema.json', saml)).toThrow(/sp_entity_id/);
    expect(() =>
      validator.assertValid('client-create-saml.request.schema.json', { ...saml, sp_entity_id: 'e' }),
    ).not.toThrow();
  });
});
