import { describe, expect, it } from 'vitest';
import { curlFor } from '../../src/http/index.js';

describe('curlFor', () => {
  it('builds a quoted curl line with headers and a JSON body', () => {
    const line = curlFor({
      method: 'POST',
      url: 'http://127.0.0.1:1/v1/clients',
      headers: { authorization: 'Bearer [REDACTED]', 'content-type': 'application/json' },
      body: { name: "it's" },
    });
    expect(line).toBe(
      `curl -sS -X POST 'http://127.0.0.1:1/v1/clients' -H 'authorization: Bearer [REDACTED]' -H 'content-type: application/json' --data-raw '{"name":"it'\\''s"}'`,
    );
  });

  it('omits the body flag when there is none', () => {
    expect(curlFor({ method: 'GET', url: 'http://h/x', headers: {} })).toBe(`curl -sS -X GET 'http://h/x'`);
  });
});
