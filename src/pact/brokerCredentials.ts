/**
 * Pact Broker credentials come from the environment only (CLARIFICATIONS "Pact with a broker"): a bearer token in
 * `PACT_BROKER_TOKEN`, or basic auth in `PACT_BROKER_USERNAME` and `PACT_BROKER_PASSWORD`. A flag would put the
 * secret into shell history, process lists and CI logs, so the commands refuse one with a message that says where
 * the secret goes. The secrets reach the Verifier in-process and the Pact CLI in its environment, and are blanked
 * out of anything either prints.
 */

export const TOKEN_ENV = 'PACT_BROKER_TOKEN';
export const USERNAME_ENV = 'PACT_BROKER_USERNAME';
export const PASSWORD_ENV = 'PACT_BROKER_PASSWORD';

/** What a secret is replaced with in anything printed. */
export const SECRET_MASK = '***';

export type BrokerAuth =
  | { readonly kind: 'none' }
  | { readonly kind: 'token'; readonly token: string }
  | { readonly kind: 'basic'; readonly username: string; readonly password: string };

/** Flags that would carry a secret, as the harness and the Pact CLI spell them. */
export const SECRET_FLAGS: readonly string[] = [
  '--broker-token',
  '-k',
  '--broker-username',
  '-u',
  '--broker-password',
  '-p',
];

/** The message for a secret given as a flag. */
export function secretFlagMessage(flag: string): string {
  const name = flag.replace(/=.*$/, '');
  const env = /token|^-k$/.test(name) ? TOKEN_ENV : /username|^-u$/.test(name) ? USERNAME_ENV : PASSWORD_ENV;
  return (
    `${name} is not accepted: a secret on the command line ends up in shell history, process lists and CI logs. ` +
    `Set ${env} in the environment instead (a token in ${TOKEN_ENV}, or basic auth in ${USERNAME_ENV} and ${PASSWORD_ENV})`
  );
}

/** The first argument that is (or starts with) a secret flag, if any. */
export function secretFlagIn(args: readonly string[]): string | undefined {
  return args.find((arg) => SECRET_FLAGS.some((flag) => arg === flag || arg.startsWith(`${flag}=`)));
}

/** Reads the credentials; throws when only one half of basic auth is set, or both a token and basic auth. */
export function brokerAuthFromEnv(env: NodeJS.ProcessEnv = process.env): BrokerAuth {
  const token = env[TOKEN_ENV] ?? '';
  const username = env[USERNAME_ENV] ?? '';
  const password = env[PASSWORD_ENV] ?? '';
  if (token !== '' && (username !== '' || password !== '')) {
    throw new Error(`set either ${TOKEN_ENV} or ${USERNAME_ENV}/${PASSWORD_ENV}, not both`);
  }
  if (token !== '') return { kind: 'token', token };
  if (username === '' && password === '') return { kind: 'none' };
  if (username === '' || password === '') {
    throw new Error(`basic auth needs both ${USERNAME_ENV} and ${PASSWORD_ENV} (only one is set)`);
  }
  return { kind: 'basic', username, password };
}

/** The secrets of `auth`, to blank out of output. */
export function secretsOf(auth: BrokerAuth): string[] {
  if (auth.kind === 'token') return [auth.token];
  if (auth.kind === 'basic') {
    const basic = Buffer.from(`${auth.username}:${auth.password}`).toString('base64');
    return [auth.password, basic];
  }
  return [];
}

/** `text` with every secret replaced by `***`. */
export function maskSecrets(text: string, secrets: readonly string[]): string {
  return secrets.filter((s) => s !== '').reduce((out, secret) => out.split(secret).join(SECRET_MASK), text);
}

/**
 * The environment for a Pact CLI child: the parent's, with the credentials set from `auth` only (never one the
 * parent had under another spelling), and no usage tracking.
 */
export function cliEnvironment(auth: BrokerAuth, env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = { ...env, PACT_DO_NOT_TRACK: 'true' };
  for (const name of [TOKEN_ENV, USERNAME_ENV, PASSWORD_ENV]) delete out[name];
  if (auth.kind === 'token') out[TOKEN_ENV] = auth.token;
  if (auth.kind === 'basic') {
    out[USERNAME_ENV] = auth.username;
    out[PASSWORD_ENV] = auth.password;
  }
  return out;
}

/** A broker URL with credentials in it (`https://user:pass@host`) would print them: refused. */
export function urlCredentialsProblem(url: string): string | undefined {
  const parsed = URL.canParse(url) ? new URL(url) : undefined;
  if (parsed && (parsed.username !== '' || parsed.password !== '')) {
    return `the broker URL must not carry credentials; set ${TOKEN_ENV} or ${USERNAME_ENV}/${PASSWORD_ENV} instead`;
  }
  return undefined;
}
