import { describe, expect, it } from 'vitest';
import { redactValue as redactRecorded } from '../../src/http/redact.js';
import { SECRET_HEADERS, SECRET_KEYS } from '../../src/model/secrets.js';
import { redactValue as redactReported } from '../../src/reporters/redact.js';

describe('the one secret list', () => {
  it('is what both redaction layers redact, each on its own', () => {
    for (const key of [...SECRET_KEYS, ...SECRET_KEYS.map((k) => k.toUpperCase())]) {
      expect(redactRecorded({ [key]: 'hunter22' })).toEqual({ [key]: '[REDACTED]' });
      expect(redactReported({ [key]: 'hunter22' })).toEqual({ [key]: '[REDACTED]' });
    }
    for (const header of SECRET_HEADERS) expect(redactReported({ [header]: 'x' })).toEqual({ [header]: '[REDACTED]' });
  });
});
