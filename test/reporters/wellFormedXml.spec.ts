import { describe, expect, it } from 'vitest';
import { xmlProblems } from './wellFormedXml.js';

// The checker the junit tests rely on must itself reject what it claims to reject.
describe('xmlProblems (test helper)', () => {
  it('accepts a well-formed document', () => {
    expect(xmlProblems('<?xml version="1.0"?>\n<a x="1 &amp; 2"><b/><c>t &lt; &#10; &#x41;</c></a>\n')).toEqual([]);
  });

  it.each([
    ['<a><b></a></b>', 'closes the wrong element'],
    ['<a>x & y</a>', 'raw &'],
    ['<a>x ]]> y</a>', ']]>'],
    ['<a x="1" x="2"/>', 'duplicate attribute'],
    ['<a x=1/>', 'malformed tag'],
    ['<a>\u0001</a>', 'forbids'],
    ['<a/><b/>', 'one root element'],
    ['<a>', 'unclosed'],
    ['<a>&nbsp;</a>', 'bad entity'],
  ])('rejects %j', (xml, problem) => {
    expect(xmlProblems(xml).join('; ')).toContain(problem);
  });
});
