import { describe, expect, it } from 'vitest';
import {
  escapeHtml,
  escapeMarkdown,
  escapeXml,
  escapeXmlAttribute,
  markdownCodeBlock,
} from '../../src/reporters/escape.js';
import { HOSTILE } from './fixtures.js';
import { xmlProblems } from './wellFormedXml.js';

describe('escapeXml / escapeXmlAttribute', () => {
  it.each(HOSTILE)('keeps %j inside one element and one attribute', (hostile) => {
    const xml = `<r a="${escapeXmlAttribute(hostile)}" b='${escapeXmlAttribute(hostile)}'>${escapeXml(hostile)}</r>`;
    expect(xmlProblems(xml)).toEqual([]);
    expect(xml).not.toContain(']]>');
  });

  it('makes forbidden control characters visible instead of dropping them', () => {
    expect(escapeXml('a\u0007b\u0000c')).toBe('a\\u0007b\\u0000c');
    expect(escapeXml('lone \ud800!')).toBe('lone \\ud800!');
    expect(escapeXml('pair \ud83d\ude00 ok')).toBe('pair \ud83d\ude00 ok');
  });

  it('keeps line breaks and tabs in attributes as references', () => {
    expect(escapeXmlAttribute('a\tb\nc\rd')).toBe('a&#9;b&#10;c&#13;d');
  });
});

describe('escapeHtml', () => {
  it.each(HOSTILE)('leaves no markup character of %j raw', (hostile) => {
    expect(escapeHtml(hostile)).not.toMatch(/[<>"']/);
    expect(escapeHtml(hostile).replace(/&(?:amp|lt|gt|quot|#39);/g, '')).not.toContain('&');
  });
});

describe('escapeMarkdown', () => {
  it('escapes table, emphasis, link and HTML characters and keeps the text on one line', () => {
    expect(escapeMarkdown('a|b *c* [d](e) <b> `f`\nnext')).toBe('a\\|b \\*c\\* \\[d\\](e) &lt;b&gt; \\`f\\` next');
  });
});

describe('markdownCodeBlock', () => {
  it('uses a fence longer than any backtick run inside', () => {
    const block = markdownCodeBlock('echo ```` done');
    expect(block.startsWith('`````\n')).toBe(true);
    expect(block.endsWith('\n`````')).toBe(true);
  });
});
