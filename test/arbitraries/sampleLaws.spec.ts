import { describe } from 'vitest';
import { arbitraryFromSchema } from '../../src/arbitraries/compile.js';
import { invalidFromSchema } from '../../src/arbitraries/mutate.js';
import { ajvCheck } from './support/ajv.js';
import { SAMPLE_DOCUMENTS } from './support/sampleSchemas.js';
import { describeSchemaLaws } from './support/schemaLaws.js';

const resolve = (file: string) => {
  const doc = SAMPLE_DOCUMENTS[file];
  if (!doc) throw new Error(`no sample document ${file}`);
  return doc;
};

describe('laws on the sample schemas', () => {
  for (const [file, schema] of Object.entries(SAMPLE_DOCUMENTS)) {
    if (file === 'common.schema.json') continue; // only $defs: no body of its own
    const options = { resolve, documentId: file };
    describeSchemaLaws(file, {
      valid: () => arbitraryFromSchema(schema, options),
      invalid: () => invalidFromSchema(schema, options),
      check: ajvCheck(schema, Object.fromEntries(Object.entries(SAMPLE_DOCUMENTS).filter(([f]) => f !== file))),
    });
  }
});
