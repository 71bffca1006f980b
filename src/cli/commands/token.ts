import type { ParseArgsConfig } from 'node:util';
import { UsageError, type CliCommand } from '../command.js';
import { createMinter, expandPermissions, type MintOptions, type TokenType } from '../../issuer/minter.js';
import { findPackageRoot } from '../../issuer/packageRoot.js';
import { integerFlag, parseStrictArgs } from '../flags.js';

const usage = `Usage: cis-conformance token [options]

Prints one test token, signed RS256 with the committed test key, and nothing else on stdout:
  TOKEN=$(npx cis-conformance token --perm '[appId]:read')

Options:
  --type client|admin|user  token type (default client)
  --tenant T                tid (default tenant-demo)
  --app A                   app_id (default app-demo)
  --app-name N              app_name (default "Demo App")
  --client C                client_id (default client-demo)
  --user U                  the user id (sub) of a user token (default user-demo; only with --type user)
  --perm P                  a permission, repeatable; '[appId]:read' becomes '<app>:read' (client tokens only)
  --iss ISS                 issuer (default https://userid.security)
  --expires-in S            lifetime in seconds (default 3600)`;

const options = {
  type: { type: 'string', default: 'client' },
  tenant: { type: 'string', default: 'tenant-demo' },
  app: { type: 'string', default: 'app-demo' },
  'app-name': { type: 'string', default: 'Demo App' },
  client: { type: 'string', default: 'client-demo' },
  user: { type: 'string' },
  perm: { type: 'string', multiple: true, default: [] },
  iss: { type: 'string' },
  'expires-in': { type: 'string' },
} satisfies ParseArgsConfig['options'];

const TYPES: readonly TokenType[] = ['client', 'admin', 'user'];

export const tokenCommand: CliCommand = {
  name: 'token',
  summary: 'Print a test token signed with the committed key (for curl sessions against `serve`)',
  usage,
  async run(args, io) {
    const values = parseStrictArgs(args, options);
    const type = values.type as TokenType;
    if (!TYPES.includes(type))
      throw new UsageError(`--type must be one of ${TYPES.join(', ')}, got '${values.type}'`, '--type');
    if (values.user !== undefined && type !== 'user')
      throw new UsageError('--user applies only to --type user', '--user');
    if (values.perm.length > 0 && type !== 'client') {
      throw new UsageError(`--perm applies only to client tokens (${type} tokens carry no ts_permissions)`, '--perm');
    }
    for (const [name, value] of Object.entries(values)) {
      if (value === '') throw new UsageError(`--${name} must not be empty`, `--${name}`);
    }
    const userId = values.user ?? 'user-demo';
    if (type === 'user' && userId === values.client) {
      throw new UsageError(
        `--user must differ from --client ('${userId}'), or the token reads as a client token`,
        '--user',
      );
    }
    const mint: MintOptions =
      values['expires-in'] === undefined
        ? {}
        : { expiresInSeconds: integerFlag('--expires-in', values['expires-in'], 1) };
    const minter = await createMinter({ packageRoot: findPackageRoot(), ...(values.iss ? { iss: values.iss } : {}) });
    const app = { tenantId: values.tenant, appId: values.app, appName: values['app-name'], clientId: values.client };
    const token =
      type === 'admin'
        ? await minter.admin(app, mint)
        : type === 'user'
          ? await minter.user({ ...app, userId }, mint)
          : await minter.client({ ...app, permissions: expandPermissions(values.perm, values.app) }, mint);
    io.stdout(token);
    return 0;
  },
};
