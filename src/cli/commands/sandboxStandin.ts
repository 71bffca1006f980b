import type { ParseArgsConfig } from 'node:util';
import { resolve } from 'node:path';
import { CHOICE_NAMES } from '../../../reference/choices.js';
import { findPackageRoot } from '../../engine/index.js';
import { isLoopbackHostname } from '../../live/hosts.js';
import { DEFAULT_CONDITIONS } from '../../standin/conditions.js';
import { startStandin } from '../../standin/server.js';
import { DEFAULT_TENANT_FILE } from '../../standin/tenant.js';
import { UsageError, type CliCommand } from '../command.js';
import { choicesFlags, integerFlag, parseStrictArgs } from '../flags.js';

const usage = `Usage: cis-conformance sandbox-standin [options]

Runs a local stand-in of the live sandbox until stopped (Ctrl-C), for rehearsing live mode:
  npx cis-conformance run --target sandbox --live-origin http://127.0.0.1:P
One origin, like the live host: the reference emulator under /cis and POST /oidc/token (client_credentials against
the tenant's registered credentials; a wrong secret is 401). It holds apps, clients and consents no run created,
limits the request rate (429 with Retry-After: 1), answers some GET/PUT/DELETE with 503 (never a POST: POSTs are
not retried), adds latency, and has no state hook. Loopback only.

Options:
  --port N               port (default 0: a free port)
  --host H               loopback interface: 127.0.0.1 (default), ::1 or localhost
  --tenant FILE          credentials and pre-existing data (default ${DEFAULT_TENANT_FILE} of the package)
  --rate-limit N         requests per second it accepts before answering 429 (default ${DEFAULT_CONDITIONS.rateLimitPerSecond}; 0 = no limit)
  --unavailable PERCENT  share of GET/PUT/DELETE answered 503, 0 to 100 (default ${DEFAULT_CONDITIONS.unavailableRate * 100}; 0 = none)
  --seed N               seed of the 503 draws (default ${DEFAULT_CONDITIONS.seed}): same seed and request order, same 503s
  --latency MS           added before every answer (default ${DEFAULT_CONDITIONS.latencyMs})
  --choices SET          default or alternate: the reference takes the other side on every open point
  --choice NAME...       take the other side on these points only (a changed behaviour, for drift rehearsals)`;

const options = {
  port: { type: 'string', default: '0' },
  host: { type: 'string', default: '127.0.0.1' },
  tenant: { type: 'string' },
  'rate-limit': { type: 'string' },
  unavailable: { type: 'string' },
  seed: { type: 'string' },
  latency: { type: 'string' },
  choices: { type: 'string' },
  choice: { type: 'string', multiple: true },
} satisfies ParseArgsConfig['options'];

export const sandboxStandinCommand: CliCommand = {
  name: 'sandbox-standin',
  summary: 'Run a local stand-in of the live sandbox (rate limit, 503s, latency, a pre-seeded tenant)',
  usage,
  async run(args, io) {
    const values = parseStrictArgs(args, options);
    if (!isLoopbackHostname(values.host)) {
      throw new UsageError(
        `--host must be a loopback interface (127.0.0.1, ::1, localhost), got '${values.host}'`,
        '--host',
      );
    }
    const port = integerFlag('--port', values.port, 0, 65535);
    const choices = choicesFlags(values.choices, values.choice, CHOICE_NAMES);
    const unavailable = values.unavailable === undefined ? undefined : percent(values.unavailable);
    const standin = await startStandin({
      packageRoot: findPackageRoot(),
      host: values.host,
      port,
      // A --tenant path is the user's, so it is relative to where they ran the command.
      ...(values.tenant !== undefined ? { tenantFile: resolve(values.tenant) } : {}),
      ...(choices !== undefined ? { choices } : {}),
      conditions: {
        ...(values['rate-limit'] !== undefined
          ? { rateLimitPerSecond: integerFlag('--rate-limit', values['rate-limit'], 0, 1_000_000) }
          : {}),
        ...(unavailable !== undefined ? { unavailableRate: unavailable } : {}),
        ...(values.seed !== undefined ? { seed: integerFlag('--seed', values.seed, 0, 2 ** 31 - 1) } : {}),
        ...(values.latency !== undefined ? { latencyMs: integerFlag('--latency', values.latency, 0, 60_000) } : {}),
      },
    });
    const c = standin.conditions;
    io.stdout(`sandbox stand-in listening on ${standin.origin}`);
    io.stdout(`  API:          ${standin.apiUrl}`);
    io.stdout(`  token:        ${standin.tokenUrl}`);
    io.stdout(`  credentials:  ${standin.credentialIds.join(', ')} (secrets in the tenant file)`);
    io.stdout(
      `  conditions:   rate limit ${c.rateLimitPerSecond || 'none'}/s, 503 on ${c.unavailableRate * 100}% of GET/PUT/DELETE ` +
        `(seed ${c.seed}), latency ${c.latencyMs} ms`,
    );
    io.stdout(`  choices:      ${standin.choices.length > 0 ? standin.choices.join(', ') : 'default (none)'}`);
    io.stdout(`  run against:  cis-conformance run --target sandbox --live-origin ${standin.origin}`);
    await io.stopSignal;
    const stats = standin.stats();
    const statuses = Object.entries(stats.byStatus)
      .map(([status, count]) => `${status}: ${count}`)
      .join(', ');
    io.stdout(
      `sandbox stand-in served ${stats.requests} request(s), ${stats.tokenRequests} of them to the token endpoint ` +
        `(${statuses || 'none'}); stopping`,
    );
    await standin.close();
    return 0;
  },
};

function percent(value: string): number {
  const number = /^\d+(\.\d+)?$/.test(value) ? Number(value) : NaN;
  if (!(number >= 0 && number <= 100)) {
    throw new UsageError(`--unavailable must be a percentage from 0 to 100, got '${value}'`, '--unavailable');
  }
  return number / 100;
}
