/**
 * Matches a response against the response of a Pact V4 interaction, with the interaction's matching rules, the
 * way the Pact verifier does for the rules our contracts use: status (`statusCode`), headers, and bodies with
 * `type` (with `min`/`max`), `equality`, `number`, `integer`, `decimal`, `boolean` and `regex`. Rules cascade:
 * a value without a rule of its own takes the most specific rule of its parents; objects may carry extra keys.
 * A rule this file does not know is a mismatch, never a silent pass.
 */

type Json = Record<string, unknown>;
type Segment = string | number;

export interface PactMatcher {
  readonly match: string;
  readonly min?: number;
  readonly max?: number;
  readonly regex?: string;
  readonly status?: string | readonly number[];
}

interface Rule {
  readonly path: readonly string[];
  readonly matchers: readonly PactMatcher[];
}

const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `$.result[*].name` → `['result', '*', 'name']`; `$['a b'][0]` → `['a b', '0']`. */
export function parseRulePath(path: string): string[] {
  const segments: string[] = [];
  const pattern = /\.([^.[\]]+)|\[\s*'([^']*)'\s*\]|\[\s*(\*|\d+)\s*\]/g;
  if (!path.startsWith('$')) throw new Error(`unsupported matching-rule path ${path}`);
  let at = 1;
  for (const match of path.slice(1).matchAll(pattern)) {
    if (match.index !== at - 1) break;
    segments.push((match[1] ?? match[2] ?? match[3]) as string);
    at += match[0].length;
  }
  if (at !== path.length) throw new Error(`unsupported matching-rule path ${path}`);
  return segments;
}

function readRules(category: unknown): Rule[] {
  if (!isRecord(category)) return [];
  return Object.entries(category).map(([path, entry]) => ({
    path: parseRulePath(path),
    matchers: (isRecord(entry) && Array.isArray(entry['matchers']) ? entry['matchers'] : []) as PactMatcher[],
  }));
}

/** The rule for `path`: the longest rule path that is a prefix of it, exact names before wildcards. */
function ruleFor(rules: readonly Rule[], path: readonly Segment[]): Rule | undefined {
  let best: { rule: Rule; weight: number } | undefined;
  for (const rule of rules) {
    if (rule.path.length > path.length) continue;
    let weight = 0;
    const fits = rule.path.every((segment, i) => {
      if (segment === '*') return true;
      weight += 1;
      return segment === String(path[i]);
    });
    const score = rule.path.length * 1000 + weight;
    if (fits && (!best || score > best.weight)) best = { rule, weight: score };
  }
  return best?.rule;
}

const show = (path: readonly Segment[]) => `$${path.map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`)).join('')}`;
const kind = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
const text = (v: unknown) => JSON.stringify(v)?.slice(0, 80) ?? String(v);

function compare(expected: unknown, actual: unknown, path: Segment[], rules: readonly Rule[], out: string[]): void {
  const rule = ruleFor(rules, path);
  const here = show(path);
  if (!rule) {
    if (isRecord(expected) || Array.isArray(expected)) return compareChildren(expected, actual, path, rules, out, true);
    if (!Object.is(expected, actual)) out.push(`${here}: expected ${text(expected)} but was ${text(actual)}`);
    return;
  }
  for (const matcher of rule.matchers) {
    const problem = applyMatcher(matcher, expected, actual);
    if (problem) return void out.push(`${here}: ${problem}`);
  }
  if (rule.matchers.some((m) => m.match === 'type')) compareChildren(expected, actual, path, rules, out, false);
}

/** Objects: every expected key, recursively (extra keys allowed). Arrays: by position, or each like the first. */
function compareChildren(
  expected: unknown,
  actual: unknown,
  path: Segment[],
  rules: readonly Rule[],
  out: string[],
  exactLength: boolean,
): void {
  const here = show(path);
  if (isRecord(expected)) {
    if (!isRecord(actual)) return void out.push(`${here}: expected an object but was ${kind(actual)}`);
    for (const key of Object.keys(expected)) {
      if (!(key in actual)) out.push(`${show([...path, key])}: missing`);
      else compare(expected[key], actual[key], [...path, key], rules, out);
    }
    return;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return void out.push(`${here}: expected an array but was ${kind(actual)}`);
    if (exactLength && actual.length !== expected.length) {
      return void out.push(`${here}: expected ${expected.length} items but was ${actual.length}`);
    }
    if (expected.length === 0) return;
    actual.forEach((item, i) => compare(expected[Math.min(i, expected.length - 1)], item, [...path, i], rules, out));
  }
}

function applyMatcher(matcher: PactMatcher, expected: unknown, actual: unknown): string | null {
  switch (matcher.match) {
    case 'equality':
      return JSON.stringify(expected) === JSON.stringify(actual)
        ? null
        : `expected ${text(expected)} but was ${text(actual)}`;
    case 'type': {
      if (kind(expected) !== kind(actual))
        return `expected a ${kind(expected)} but was ${actual === null ? 'null' : `${kind(actual)} ${text(actual)}`}`;
      const size = Array.isArray(actual) ? actual.length : undefined;
      if (size !== undefined && matcher.min !== undefined && size < matcher.min)
        return `expected at least ${matcher.min} items but was ${size}`;
      if (size !== undefined && matcher.max !== undefined && size > matcher.max)
        return `expected at most ${matcher.max} items but was ${size}`;
      return null;
    }
    case 'number':
      return typeof actual === 'number' ? null : `expected a number but was ${text(actual)}`;
    case 'integer':
      return Number.isInteger(actual) ? null : `expected an integer but was ${text(actual)}`;
    case 'decimal':
      return typeof actual === 'number' && !Number.isInteger(actual)
        ? null
        : `expected a decimal but was ${text(actual)}`;
    case 'boolean':
      return typeof actual === 'boolean' ? null : `expected a boolean but was ${text(actual)}`;
    case 'regex': {
      const ok =
        (typeof actual === 'string' || typeof actual === 'number') &&
        new RegExp(matcher.regex ?? '').test(String(actual));
      return ok ? null : `expected to match /${matcher.regex ?? ''}/ but was ${text(actual)}`;
    }
    default:
      return `uses the matcher '${matcher.match}', which this replay does not implement`;
  }
}

const STATUS_CLASSES: Readonly<Record<string, (s: number) => boolean>> = {
  information: (s) => s >= 100 && s < 200,
  success: (s) => s >= 200 && s < 300,
  redirect: (s) => s >= 300 && s < 400,
  clientError: (s) => s >= 400 && s < 500,
  serverError: (s) => s >= 500 && s < 600,
  nonError: (s) => s < 400,
  error: (s) => s >= 400,
};

/** Null when `status` satisfies the interaction's status (its `statusCode` rule, else equality). */
export function statusMismatch(response: Json, status: number): string | null {
  const rule = readRules(isRecord(response['matchingRules']) ? response['matchingRules']['status'] : undefined)[0];
  const matcher = rule?.matchers.find((m) => m.match === 'statusCode');
  if (matcher) {
    const wanted = matcher.status;
    const ok = Array.isArray(wanted) ? wanted.includes(status) : STATUS_CLASSES[String(wanted)]?.(status);
    return ok
      ? null
      : `expected a ${Array.isArray(wanted) ? wanted.join('|') : String(wanted)} status but was ${status}`;
  }
  return status === response['status'] ? null : `expected ${String(response['status'])} but was ${status}`;
}

/** Mismatches of the expected headers; Content-Type compares the media type and the expected parameters. */
export function headerMismatches(response: Json, headers: Readonly<Record<string, string>>): string[] {
  const out: string[] = [];
  const expected = isRecord(response['headers']) ? response['headers'] : {};
  for (const [name, value] of Object.entries(expected)) {
    const want = Array.isArray(value) ? value.join(', ') : String(value);
    const got = headers[name.toLowerCase()];
    if (got === undefined) out.push(`header ${name}: missing`);
    else if (name.toLowerCase() === 'content-type') {
      const parts = (v: string) =>
        v
          .toLowerCase()
          .split(';')
          .map((p) => p.trim());
      const [wantType, ...wantParams] = parts(want);
      const [gotType, ...gotParams] = parts(got);
      if (wantType !== gotType || !wantParams.every((p) => gotParams.includes(p)))
        out.push(`header ${name}: expected ${want} but was ${got}`);
    } else if (want !== got) out.push(`header ${name}: expected ${want} but was ${got}`);
  }
  return out;
}

/** Mismatches of the JSON body; none when the interaction expects no body. */
export function bodyMismatches(response: Json, actual: unknown): string[] {
  const body = response['body'];
  if (!isRecord(body) || !('content' in body)) return [];
  const out: string[] = [];
  const rules = readRules(isRecord(response['matchingRules']) ? response['matchingRules']['body'] : undefined);
  compare(body['content'], actual, [], rules, out);
  return out;
}
