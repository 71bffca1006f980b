/**
 * A minimal XML 1.0 well-formedness check for tests (no new dependency): one root element, balanced and
 * properly nested tags, quoted unique attributes, only the five predefined entities or numeric references,
 * no raw `<` or `&` in text, no characters XML forbids. Returns the problems found; none means well formed.
 */
const NAME = '[A-Za-z_:][-A-Za-z0-9_:.]*';
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const ENTITY = /&(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9A-Fa-f]+);/g;

export function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  if (FORBIDDEN.test(xml)) problems.push('contains a character XML 1.0 forbids');
  if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(xml))
    problems.push('contains an unpaired surrogate');
  let rest = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const stack: string[] = [];
  let roots = 0;
  const tag = new RegExp(`^<(/?)(${NAME})((?:\\s+${NAME}\\s*=\\s*(?:"[^"<]*"|'[^'<]*'))*)\\s*(/?)>`);
  while (rest.length > 0) {
    const lt = rest.indexOf('<');
    const text = lt === -1 ? rest : rest.slice(0, lt);
    if (text.replace(ENTITY, '').includes('&'))
      problems.push(`bad entity or raw & in text near ${JSON.stringify(text.slice(0, 60))}`);
    if (text.includes(']]>')) problems.push('text contains ]]>');
    if (stack.length === 0 && text.trim() !== '')
      problems.push(`text outside the root element: ${JSON.stringify(text.slice(0, 60))}`);
    if (lt === -1) break;
    rest = rest.slice(lt);
    if (rest.startsWith('<!--')) {
      const end = rest.indexOf('-->');
      if (end === -1) return [...problems, 'unterminated comment'];
      rest = rest.slice(end + 3);
      continue;
    }
    const match = tag.exec(rest);
    if (!match) return [...problems, `malformed tag near ${JSON.stringify(rest.slice(0, 60))}`];
    const [whole, closing, name, attributes = '', selfClosing] = match;
    if (!closing) {
      const pairs = [...attributes.matchAll(new RegExp(`(${NAME})\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'g'))];
      const names = pairs.map((pair) => pair[1]);
      if (new Set(names).size !== names.length) problems.push(`duplicate attribute on <${name}>`);
      for (const pair of pairs) {
        if ((pair[2] ?? pair[3] ?? '').replace(ENTITY, '').includes('&'))
          problems.push(`bad entity in an attribute of <${name}>`);
      }
      if (stack.length === 0) roots += 1;
      if (!selfClosing) stack.push(name!);
    } else if (stack.pop() !== name) {
      return [...problems, `</${name}> closes the wrong element`];
    }
    rest = rest.slice(whole.length);
  }
  if (stack.length > 0) problems.push(`unclosed elements: ${stack.join(' > ')}`);
  if (roots !== 1) problems.push(`expected one root element, found ${roots}`);
  return problems;
}
