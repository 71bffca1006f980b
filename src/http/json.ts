/** JSON parsing of response bodies that never throws: garbage is data about the target, not a crash. */
export interface ParsedJson {
  readonly json: unknown;
  readonly jsonError?: string;
}

export function parseJsonBody(text: string, contentType: string | undefined): ParsedJson {
  if (text.trim() === '') return { json: undefined };
  try {
    return { json: JSON.parse(text) as unknown };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const type = contentType ? `content-type ${contentType}` : 'no content-type';
    return { json: undefined, jsonError: `body is not JSON (${type}; ${reason}): ${preview(text)}` };
  }
}

function preview(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 120 ? `${JSON.stringify(flat.slice(0, 120))}…` : JSON.stringify(flat);
}
