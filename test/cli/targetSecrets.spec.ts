/**
 * A password in the target URL (`--target http://user:pass@host`) is printed nowhere: not on the console, not in
 * the four reports, not in the reproduction commands or curl lines inside them. End to end, against the
 * embedded reference on loopback with a seeded defect, so failures (with their replay commands) are written.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startReference, type RunningReference } from '../../reference/server.js';
import type { CliIO } from '../../src/cli/command.js';
import { runCommand } from '../../src/cli/commands/run.js';

const PASSWORD = 'Hunter2-pw-7f3a';

describe('a target URL with a password', () => {
  let reference: RunningReference;
  let reportDir: string;
  beforeAll(async () => {
    reference = await startReference({ fault: 'create-status-200' });
    reportDir = await mkdtemp(join(tmpdir(), 'cis-userinfo-'));
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await reference.close();
    await rm(reportDir, { recursive: true, force: true });
  });

  it(
    'never prints the password: console, results.json, junit.xml, index.html, summary.md',
    { timeout: 240_000 },
    async () => {
      vi.stubEnv('NO_COLOR', '');
      vi.stubEnv('FORCE_COLOR', '1'); // colours although the console is no terminal: redaction must see past them
      const url = new URL(reference.url);
      const target = `http://alice:${PASSWORD}@127.0.0.1:${url.port}`;
      const lines: string[] = [];
      const io: CliIO = {
        stdout: (l) => lines.push(l),
        stderr: (l) => lines.push(l),
        stopSignal: new Promise(() => undefined),
      };
      const exitCode = await runCommand.run(
        ['--target', target, '--suite', 'smoke', '--seed', '3', '--report-dir', reportDir],
        io,
      );
      expect(exitCode).toBe(1); // the seeded defect fails checks, so replay commands and curl lines are written
      const console = lines.join('\n');
      expect(console).toContain('\u001b['); // FORCE_COLOR reached the console reporter
      const files = (await readdir(reportDir)).sort();
      expect(files).toEqual(['index.html', 'junit.xml', 'results.json', 'summary.md']);
      const reports = await Promise.all(
        files.map(async (f) => [f, await readFile(join(reportDir, f), 'utf8')] as const),
      );
      for (const [name, text] of [...reports, ['console', console] as const]) {
        expect(text.includes(PASSWORD), `${name} shows the password`).toBe(false);
        expect(text.includes(encodeURIComponent(PASSWORD)), `${name} shows the password, encoded`).toBe(false);
      }
      const results = reports.find(([name]) => name === 'results.json')?.[1] ?? '';
      expect(console).toContain(`target http://alice:[REDACTED]@127.0.0.1:${url.port}`);
      expect(results).toMatch(/"failed": [1-9]/);
      expect(results).toContain(`--target 'http://alice:[REDACTED]@127.0.0.1:${url.port}'`); // the replay command
      expect(results).toMatch(/curl [^"]*alice:\[REDACTED\]@127\.0\.0\.1/);
    },
  );
});
