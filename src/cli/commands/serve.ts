import type { ParseArgsConfig } from 'node:util';
import { UsageError, type CliCommand } from '../command.js';
import { CHOICES, CHOICE_NAMES } from '../../../reference/choices.js';
import { FAULTS } from '../../../reference/faults.js';
import { DEFAULT_AUDIENCES, DEFAULT_ISSUER, startReference } from '../../../reference/server.js';
import { choicesFlags, integerFlag, parseStrictArgs } from '../flags.js';

const usage = `Usage: cis-conformance serve [options]

Runs the reference emulator of the CIS Clients and Consents APIs until stopped (Ctrl-C), with its
provider-state hook at /__conformance/state. It trusts tokens signed with the committed test key
(mint one with \`cis-conformance token\`) unless given another JWKS.

Options:
  --port N          port (default 0: a free port)
  --host H          interface (default 127.0.0.1)
  --fault NAME      switch on one seeded defect (self-tests); --list-faults shows them
  --choices SET     default or alternate: take the other defensible side on every point the docs leave open
  --choice NAME...  take the other side on these points only; repeatable or comma-separated
  --jwks-file F     trust the keys of this JWKS file (default fixtures/keys/jwks.json of the package)
  --jwks-url U      trust the keys served at this JWKS URL instead
  --iss ISS         expected token issuer (default ${DEFAULT_ISSUER})
  --aud AUD         accepted token audience, repeatable (default ${DEFAULT_AUDIENCES.join(', ')})
  --list-faults     print the fault names with what each breaks, and exit
  --list-choices    print the choice names with the side each takes, and exit`;

const options = {
  port: { type: 'string', default: '0' },
  host: { type: 'string', default: '127.0.0.1' },
  fault: { type: 'string' },
  choices: { type: 'string' },
  choice: { type: 'string', multiple: true },
  'jwks-file': { type: 'string' },
  'jwks-url': { type: 'string' },
  iss: { type: 'string' },
  aud: { type: 'string', multiple: true, default: [] },
  'list-faults': { type: 'boolean', default: false },
  'list-choices': { type: 'boolean', default: false },
} satisfies ParseArgsConfig['options'];

export const serveCommand: CliCommand = {
  name: 'serve',
  summary: 'Run the reference emulator (the default target) with its state hook',
  usage,
  async run(args, io) {
    const values = parseStrictArgs(args, options);
    if (values['list-faults']) {
      const width = Math.max(...FAULTS.map((f) => f.name.length));
      for (const fault of FAULTS) io.stdout(`${fault.name.padEnd(width)}  ${fault.description}`);
      return 0;
    }
    if (values['list-choices']) {
      const width = Math.max(...CHOICES.map((c) => c.name.length));
      for (const choice of CHOICES) io.stdout(`${choice.name.padEnd(width)}  ${choice.description}`);
      return 0;
    }
    const choices = choicesFlags(values.choices, values.choice, CHOICE_NAMES);
    const port = integerFlag('--port', values.port, 0, 65535);
    const fault = values.fault === undefined ? undefined : FAULTS.find((f) => f.name === values.fault);
    if (values.fault !== undefined && !fault) {
      const known = FAULTS.map((f) => f.name).join(', ');
      throw new UsageError(`--fault: unknown fault '${values.fault}'; known faults: ${known}`, '--fault');
    }
    if (values['jwks-file'] !== undefined && values['jwks-url'] !== undefined) {
      throw new UsageError('--jwks-file and --jwks-url cannot be given together', '--jwks-url');
    }
    for (const [name, value] of Object.entries(values)) {
      if (value === '') throw new UsageError(`--${name} must not be empty`, `--${name}`);
    }
    const issuer = values.iss ?? DEFAULT_ISSUER;
    const audiences = values.aud.length > 0 ? values.aud : [...DEFAULT_AUDIENCES];
    const reference = await startReference({
      host: values.host,
      port,
      fault: fault?.name,
      ...(choices !== undefined ? { choices } : {}),
      jwksFile: values['jwks-file'],
      jwksUrl: values['jwks-url'],
      issuer,
      audiences,
    });
    io.stdout(`reference emulator listening on ${reference.url}`);
    io.stdout(`  state hook:  ${reference.stateUrl}`);
    io.stdout(`  trusts JWKS: ${reference.jwksSource}`);
    io.stdout(`  issuer:      ${issuer}`);
    io.stdout(`  audiences:   ${audiences.join(', ')}`);
    io.stdout(`  fault:       ${fault ? `${fault.name} (${fault.description})` : 'none'}`);
    io.stdout(`  choices:     ${reference.choices.length > 0 ? reference.choices.join(', ') : 'default (none)'}`);
    await io.stopSignal;
    await reference.close();
    return 0;
  },
};
