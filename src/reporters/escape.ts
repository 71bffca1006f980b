/**
 * Escapers for the three markup languages the reporters write. Each takes raw text (already redacted) and
 * returns text that the format reads back as exactly that text, whatever a target put in its responses.
 */

/**
 * Characters XML 1.0 forbids even as character references: C0 controls other than tab, LF and CR, unpaired
 * surrogates, U+FFFE and U+FFFF. They are shown as `\uXXXX` so the reader still sees that they were there.
 */
const XML_FORBIDDEN =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function visibleCodePoint(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** XML text content. Escaping `>` as well keeps `]]>` out of the output. */
export function escapeXml(text: string): string {
  return text
    .replace(XML_FORBIDDEN, visibleCodePoint)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** An XML attribute value: also keeps tabs and line breaks, which attribute normalisation would turn into spaces. */
export function escapeXmlAttribute(text: string): string {
  return escapeXml(text).replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

/** HTML text and double- or single-quoted attribute values. Controls are made visible as in XML. */
export function escapeHtml(text: string): string {
  return text
    .replace(XML_FORBIDDEN, visibleCodePoint)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * Markdown inline text (GitHub flavour, which also renders raw HTML): the marks that open inline markup,
 * links and table cells are backslash-escaped, `<` `>` `&` become entities, and line breaks become spaces so
 * the text stays inside its list item or table cell. Callers never put it at the start of a line, so block
 * markers (`#`, `-`, `1.`) need no escaping.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(XML_FORBIDDEN, visibleCodePoint)
    .replace(/[\r\n]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|~]/g, '\\$&');
}

/** A fenced code block whose fence is longer than any run of backticks inside the code. */
export function markdownCodeBlock(code: string, language = ''): string {
  const longestRun = Math.max(0, ...[...code.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(Math.max(3, longestRun + 1));
  return `${fence}${language}\n${code.replace(XML_FORBIDDEN, visibleCodePoint)}\n${fence}`;
}
