import { Ajv2020 } from 'ajv/dist/2020.js';
import formatsPlugin from 'ajv-formats';
import type { AjvCheck } from './schemaLaws.js';

const addFormats = formatsPlugin.default;

/** The same ajv set-up the project uses (Ajv2020, strict, allErrors, ajv-formats), for the tests' own schemas. */
export function strictAjv(): Ajv2020 {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  return ajv;
}

/** An `AjvCheck` for one schema (with any other documents it refers to added under their file names). */
export function ajvCheck(schema: object, others: Readonly<Record<string, object>> = {}): AjvCheck {
  const ajv = strictAjv();
  for (const [file, document] of Object.entries(others)) ajv.addSchema(document, file);
  const validate = ajv.compile(schema);
  return (value) => (validate(value) ? null : [...(validate.errors ?? [])]);
}
