import { resolve } from 'node:path';
import { type CliCommand } from '../command.js';
import { findPackageRoot } from '../../issuer/packageRoot.js';
import { startIssuer } from '../../issuer/server.js';
import { integerFlag, parseStrictArgs } from '../flags.js';

const usage = `Usage: cis-conformance issuer [options]

Runs the standalone test token issuer until stopped (Ctrl-C): POST /oidc/token (client_credentials),
GET /oidc/jwks and GET /.well-known/openid-configuration, signing with the committed test key.

Options:
  --port N        port (default 0: a free port)
  --host H        interface (default 127.0.0.1)
  --iss ISS       issuer of the tokens (default https://userid.security)
  --clients FILE  registered test clients (default fixtures/issuer-clients.json of the package)`;

const options = {
  port: { type: 'string', default: '0' },
  host: { type: 'string', default: '127.0.0.1' },
  iss: { type: 'string' },
  clients: { type: 'string' },
} as const;

export const issuerCommand: CliCommand = {
  name: 'issuer',
  summary: 'Run the standalone token issuer (token endpoint, JWKS, discovery)',
  usage,
  async run(args, io) {
    const values = parseStrictArgs(args, options);
    const port = integerFlag('--port', values.port, 0, 65535);
    const issuer = await startIssuer({
      packageRoot: findPackageRoot(),
      host: values.host,
      port,
      ...(values.iss ? { iss: values.iss } : {}),
      // A --clients path is the user's, so it is relative to where they ran the command.
      ...(values.clients ? { clientsFile: resolve(values.clients) } : {}),
    });
    io.stdout(`issuer listening on ${issuer.url}`);
    io.stdout(`  token endpoint: ${issuer.tokenUrl}`);
    io.stdout(`  JWKS:           ${issuer.jwksUrl}`);
    io.stdout(`  discovery:      ${issuer.discoveryUrl}`);
    io.stdout(`  iss:            ${issuer.iss}`);
    io.stdout(`  clients:        ${issuer.clientIds.join(', ')}`);
    await io.stopSignal;
    await issuer.close();
    return 0;
  },
};
