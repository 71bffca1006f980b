import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { findPackageRoot } from '../../src/engine/packageRoot.js';
import { loadCatalog } from '../../src/catalog/catalog.js';
import { loadSchemaRegistry } from '../../src/catalog/schemas.js';
import { checkModel, checkProperty } from '../../src/suite/property.js';
import { runCheck, type CheckServices } from '../../src/suite/runCheck.js';
import type { CheckBody, CheckExpect, SuiteRunConfig } from '../../src/suite/types.js';

const packageRoot = findPackageRoot();
let services: CheckServices;

beforeAll(() => {
  // No request leaves these checks: the properties judge plain values and an in-memory system.
  const config: SuiteRunConfig = {
    baseUrl: 'http://127.0.0.1:9',
    stateUrl: null,
    tokens: { kind: 'local', iss: 'https://userid.security' },
    runId: 'prop1',
    seed: 42,
    runs: 40,
    strict: false,
    requestTimeoutMs: 300,
    targetLabel: 'embedded',
    packageRoot,
  };
  services = { config, catalog: loadCatalog(packageRoot), schemas: loadSchemaRegistry(packageRoot), minter: null };
});

const run = (body: CheckBody, extra: Partial<SuiteRunConfig> = {}, requirement = 'CLIENTS-GET-404') =>
  runCheck({ requirement, title: 't' }, body, { ...services, config: { ...services.config, ...extra } });

/** n below 50: fails, and shrinks to exactly 50. Counts the cases it judged. */
function belowFifty(seen: number[]): CheckBody {
  return (c) =>
    checkProperty(c, {
      requirement: 'CLIENTS-GET-404',
      arbitrary: fc.integer({ min: 0, max: 1000 }),
      predicate: async (n, e) => {
        seen.push(n);
        e.that(n < 50, { expected: 'a number below 50', observed: `${n}` });
      },
    });
}

describe('checkProperty', () => {
  it('passes when every case holds, with c.runs cases and the judged rules covered once', async () => {
    let cases = 0;
    const { record } = await run((c) =>
      checkProperty(c, {
        requirement: 'CLIENTS-GET-404',
        arbitrary: fc.nat(),
        runsShare: 0.5,
        predicate: async (n, e) => {
          cases++;
          e.that(n >= 0, { expected: 'a natural number', observed: `${n}` });
          e.that(true, { requirement: 'CLIENTS-GET-200', expected: 'x', observed: 'x' });
        },
      }),
    );
    expect(record.verdict).toBe('passed');
    expect(cases).toBe(20);
    expect(record.covers).toEqual(['CLIENTS-GET-200', 'CLIENTS-GET-404']);
    expect(record.reproduction.path).toBeUndefined();
  });

  it('reports one finding: the shrunk counterexample, its path and a replay command that carries it', async () => {
    const seen: number[] = [];
    const { record } = await run(belowFifty(seen));
    expect(record.verdict).toBe('failed');
    expect(seen.filter((n) => n >= 50).length).toBeGreaterThan(1); // it did shrink through several failures
    expect(record.message.match(/CLIENTS-GET-404:/g)).toHaveLength(1);
    expect(record.message).toMatch(
      /^CLIENTS-GET-404: observed 50, expected a number below 50 — counterexample \(shrunk \d+ times\): 50; seed 42/,
    );
    const path = record.reproduction.path as string;
    expect(path).toMatch(/^\d+(:\d+)*$/);
    expect(record.message).toContain(
      `replay: npx cis-conformance run --check CLIENTS-GET-404 --seed 42 --target embedded --replay-path ${path}`,
    );
  });

  it('replays exactly the counterexample from the replay path, in one case', async () => {
    const first = await run(belowFifty([]));
    const seen: number[] = [];
    const { record } = await run(belowFifty(seen), { replayPath: first.record.reproduction.path as string });
    expect(seen).toEqual([50]);
    expect(record.verdict).toBe('failed');
    expect(record.message).toContain('observed 50, expected a number below 50 — counterexample: 50;');
  });

  it('ends as an error naming the replay path when the path does not fit the property', async () => {
    const { record } = await run(belowFifty([]), {
      replayPath: '7:7:7:7:7:7:7:7:7:7:7:7:7:7:7:7:7:7:7:7:7:7:7:7:7:7:7:7',
    });
    expect(record.verdict).toBe('error');
    expect(record.message).toMatch(/^fast-check could not run the property on replay path 7:7:7/);
  });

  it('takes the evidence of the violated rule: an inferred rule gives a warning', async () => {
    const { record } = await run((c) =>
      checkProperty(c, {
        requirement: 'CLIENTS-GET-404',
        arbitrary: fc.boolean(),
        predicate: async (b, e) =>
          e.that(!b, { requirement: 'CLIENTS-UPDATE-404', expected: 'false', observed: `${b}` }),
      }),
    );
    expect(record.verdict).toBe('warning');
    expect(record.message).toMatch(
      /^CLIENTS-UPDATE-404 \(inferred\): observed true, expected false — counterexample: true;/,
    );
  });

  it('ends the check at a skip without shrinking it', async () => {
    let cases = 0;
    const { record } = await run((c) =>
      checkProperty(c, {
        requirement: 'CLIENTS-GET-404',
        arbitrary: fc.nat(),
        predicate: async () => {
          cases++;
          c.skip('no hook here');
        },
      }),
    );
    expect(record).toMatchObject({ verdict: 'skipped', message: 'no hook here' });
    expect(cases).toBe(1);
  });

  it('keeps a failure found before a skip cut the shrinking short', async () => {
    const { record } = await run((c) =>
      checkProperty(c, {
        requirement: 'CLIENTS-GET-404',
        arbitrary: fc.integer({ min: 0, max: 1000 }),
        predicate: async (n, e) => {
          if (n === 50) c.skip('the smallest case cannot be set up');
          e.that(n < 50, { expected: 'a number below 50', observed: `${n}` });
        },
      }),
    );
    expect(record.verdict).toBe('failed');
    expect(record.message).toMatch(
      /^CLIENTS-GET-404: observed (5[1-9]|[6-9]\d|\d{3,}), expected a number below 50 — counterexample/,
    );
  });

  it('turns a crash inside a case into an error that names the shrunk case', async () => {
    const { record } = await run((c) =>
      checkProperty(c, {
        requirement: 'CLIENTS-GET-404',
        arbitrary: fc.array(fc.nat()),
        predicate: async (xs) => {
          if (xs.length > 2) throw new TypeError('boom');
        },
      }),
    );
    expect(record.verdict).toBe('error');
    expect(record.message).toMatch(/^the property crashed \(TypeError: boom\) — counterexample .*: \[0,0,0\]; seed 42/);
  });
});

/** A set whose delete forgets values from 3 up: the smallest failing sequence is add 3, delete 3, size. */
interface SetModel {
  values: Set<number>;
}
interface LeakySet {
  store: Set<number>;
  expect: CheckExpect;
}
const add = fc.nat(5).map((v) => ({
  check: () => true,
  run: async (m: SetModel, r: LeakySet) => {
    m.values.add(v);
    r.store.add(v);
  },
  toString: () => `add ${v}`,
}));
const remove = fc.nat(5).map((v) => ({
  check: () => true,
  run: async (m: SetModel, r: LeakySet) => {
    m.values.delete(v);
    if (v < 3) r.store.delete(v);
  },
  toString: () => `delete ${v}`,
}));
const size = fc.constant({
  check: () => true,
  run: async (m: SetModel, r: LeakySet) => {
    r.expect.that(r.store.size === m.values.size, {
      expected: `size ${m.values.size}`,
      observed: `size ${r.store.size}`,
    });
  },
  toString: () => 'size',
});

const modelBody =
  (setups: { count: number }): CheckBody =>
  (c) =>
    checkModel(c, {
      requirement: 'CLIENTS-GET-404',
      commands: [add, remove, size],
      maxCommands: 20,
      setup: async (e) => {
        setups.count++;
        return { model: { values: new Set() }, real: { store: new Set(), expect: e } };
      },
    });

describe('checkModel', () => {
  it('shrinks a failing sequence to its few commands and replays it from the token', async () => {
    const { record } = await run(modelBody({ count: 0 }), { runs: 100 });
    expect(record.verdict).toBe('failed');
    expect(record.message).toMatch(
      /^CLIENTS-GET-404: observed size 1, expected size 0 — counterexample \(shrunk \d+ times\): 3 commands: 1\. add 3 → 2\. delete 3 → 3\. size; seed 42/,
    );
    const token = record.reproduction.path as string;
    expect(token).toMatch(/^\d+(:\d+)*@[A-Za-z0-9+/]+:[A-Za-z0-9+/]*$/);
    expect(record.message).toContain(`--replay-path ${token}`);

    const setups = { count: 0 };
    const replayed = await run(modelBody(setups), { runs: 100, replayPath: token });
    expect(setups.count).toBe(1);
    expect(replayed.record.message).toContain('counterexample: 3 commands: 1. add 3 → 2. delete 3 → 3. size;');
  });
});
