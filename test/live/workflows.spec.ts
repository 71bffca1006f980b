/**
 * The CI templates in .github/workflows/ call the CLI by its commands and flags; a renamed flag would only show on
 * GitHub, at night. This test reads every `run:` script and checks each `$CIS <command> --flag` against the
 * registry and the command's usage text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { COMMANDS } from '../../src/cli/registry.js';
import { packageRoot } from './support/sandboxReplay.js';

const dir = join(packageRoot, '.github/workflows');
const workflows = readdirSync(dir)
  .filter((f) => f.endsWith('.yml'))
  .map((file) => ({ file, doc: parse(readFileSync(join(dir, file), 'utf8')) as Workflow }));

interface Workflow {
  readonly name: string;
  readonly on: unknown;
  readonly env?: Record<string, string>;
  readonly jobs: Record<string, { steps: Array<{ run?: string; uses?: string; name?: string }> }>;
}

/** `$CIS <command> args...` invocations, one per line (continuation lines joined). */
function invocations(doc: Workflow): string[][] {
  const found: string[][] = [];
  for (const job of Object.values(doc.jobs)) {
    for (const step of job.steps) {
      for (const line of (step.run ?? '').replace(/\\\n/g, ' ').split('\n')) {
        const match = /\$CIS\s+(.*)$/.exec(line.trim());
        if (match) found.push((match[1] as string).split(/\s+/));
      }
    }
  }
  return found;
}

describe('the CI workflow templates', () => {
  it('are the four documented templates, each valid YAML with jobs', () => {
    expect(workflows.map((w) => w.file).sort()).toEqual([
      'conformance-gate.yml',
      'nightly-sandbox.yml',
      'pact-broker.yml',
      'sharded.yml',
    ]);
    for (const { doc } of workflows) expect(Object.keys(doc.jobs).length).toBeGreaterThan(0);
  });

  it('call only registered commands with flags their usage documents', () => {
    for (const { file, doc } of workflows) {
      expect(doc.env?.CIS, file).toBe('node bin/cis-conformance.js');
      for (const [name, ...args] of invocations(doc)) {
        const command = COMMANDS.find((c) => c.name === name);
        expect(command, `${file}: unknown command ${name}`).toBeDefined();
        for (const flag of args.filter((a) => a.startsWith('--'))) {
          expect(command?.usage, `${file}: ${name} has no flag ${flag}`).toContain(flag);
        }
      }
    }
  });

  it('run what each template is for', () => {
    const commands = (file: string) =>
      invocations(workflows.find((w) => w.file === file)?.doc as Workflow).map((args) => args.slice(0, 3).join(' '));
    expect(commands('conformance-gate.yml')).toEqual(
      expect.arrayContaining(['serve --port 8080', 'run --target "$SERVICE_URL"']),
    );
    expect(commands('nightly-sandbox.yml')).toEqual(
      expect.arrayContaining([
        'run --target sandbox',
        'cleanup --ledger "$REPORT_DIR"',
        'diff previous/results.json "$REPORT_DIR/results.json"',
      ]),
    );
    expect(commands('sharded.yml')).toEqual(
      expect.arrayContaining(['run --target "$TARGET"', 'merge-reports shards/shard-* --report-dir']),
    );
    expect(commands('pact-broker.yml')).toEqual(
      expect.arrayContaining([
        'pact publish --broker-url',
        'pact verify --target',
        'pact can-i-deploy --broker-url',
        'pact record-deployment --broker-url',
        'pact publish-provider-contract --broker-url',
      ]),
    );
    const broker = readFileSync(join(dir, 'pact-broker.yml'), 'utf8');
    expect(broker).toMatch(/PACT_BROKER_TOKEN: \$\{\{ secrets\.PACT_BROKER_TOKEN \}\}/);
    expect(broker).not.toMatch(/--broker-token/); // credentials reach the CLI through env only
    const nightly = readFileSync(join(dir, 'nightly-sandbox.yml'), 'utf8');
    expect(nightly).toMatch(/schedule:/);
    expect(nightly).toMatch(/secrets\.CIS_CLIENT_ID/);
    expect(nightly).not.toMatch(/echo[^\n]*secrets\./); // secrets reach the CLI through env only
    // Ledgers are per run (ledger-<runId>.jsonl): the clean-up step must look for those, not the old ledger.json.
    expect(nightly).toMatch(/hashFiles\('reports\/nightly\/ledger-\*\.jsonl'\)/);
    expect(nightly).not.toMatch(/ledger\.json\b/);
  });

  it('rehearse the nightly flow against the sandbox stand-in, with a changed stand-in whose diff must alert', () => {
    const nightly = workflows.find((w) => w.file === 'nightly-sandbox.yml')?.doc as Workflow;
    const rehearsal = { rehearsal: nightly.jobs['rehearsal'] } as Workflow['jobs'];
    expect(rehearsal['rehearsal']).toBeDefined();
    const lines = invocations({ ...nightly, jobs: rehearsal }).map((args) => args.join(' '));
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^sandbox-standin --port 8181 /),
        expect.stringMatching(/^sandbox-standin --port 8182 --choice \S+ /),
        expect.stringMatching(/^run --target sandbox --live-origin "\$STANDIN" /),
        expect.stringMatching(/^cleanup --ledger "\$REHEARSAL_DIR\/as-is" --target sandbox --live-origin "\$STANDIN"$/),
        expect.stringMatching(/^run --target sandbox --live-origin "\$CHANGED" /),
        expect.stringMatching(/^diff /),
      ]),
    );
    // The live defaults: no --rate or --max-requests of its own.
    for (const line of lines) expect(line).not.toMatch(/--rate|--max-requests/);
    expect(readFileSync(join(dir, 'nightly-sandbox.yml'), 'utf8')).toMatch(/DIFF_EXIT" != "1"/);
  });
});
