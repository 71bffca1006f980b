/**
 * Value comparison for round trips: does what the target returns hold what was sent? Objects are compared by the
 * keys that were sent (a target may add fields of its own), arrays as multisets (a list of URIs or claims is a
 * set to the API; no doc promises an order), everything else strictly.
 */

export function holdsValue(sent: unknown, got: unknown): boolean {
  if (Array.isArray(sent)) {
    if (!Array.isArray(got) || got.length !== sent.length) return false;
    const canonical = (items: unknown[]): string[] => items.map((item) => JSON.stringify(item)).sort();
    const [a, b] = [canonical(sent), canonical(got)];
    return a.every((item, i) => item === b[i]);
  }
  if (isPlainObject(sent)) {
    return isPlainObject(got) && Object.entries(sent).every(([key, value]) => holdsValue(value, got[key]));
  }
  return Object.is(sent, got);
}

/** One line per sent field whose value `got` does not hold: `field: sent X, got Y`. */
export function differences(
  sent: Readonly<Record<string, unknown>>,
  got: Readonly<Record<string, unknown>> | undefined,
): string[] {
  return Object.entries(sent)
    .filter(([field, value]) => !holdsValue(value, got?.[field]))
    .map(
      ([field, value]) =>
        `${field}: sent ${JSON.stringify(value)}, got ${got && field in got ? JSON.stringify(got[field]) : 'nothing'}`,
    );
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Members of object-valued client fields that only the third-party mirror names (docs/decisions.md "Choices":
 * `device-authorization-bare`). A documented round trip does not judge them: an implementation written from the
 * docs may not know them, and the body schema (an inferred rule) already says when they are missing.
 */
const MIRROR_ONLY_MEMBERS: Readonly<Record<string, readonly string[]>> = {
  device_authorization: ['approval_uri', 'success_uri', 'input_uri'],
};

/** `sent` without its mirror-only members: what a documented round trip compares. */
export function documentedPart(sent: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const part: Record<string, unknown> = { ...sent };
  for (const [field, members] of Object.entries(MIRROR_ONLY_MEMBERS)) {
    const value = part[field];
    if (isPlainObject(value))
      part[field] = Object.fromEntries(Object.entries(value).filter(([m]) => !members.includes(m)));
  }
  return part;
}
