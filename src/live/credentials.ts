/**
 * Live credentials come from the environment only (never from flags, which land in shell history and CI logs).
 * Reading them also registers every secret for redaction, so no report or log line of this process can show one.
 */
import { registerProcessSecret } from '../http/index.js';

export const CREDENTIAL_VARIABLES = {
  clientId: 'CIS_CLIENT_ID',
  clientSecret: 'CIS_CLIENT_SECRET',
  adminClientId: 'CIS_ADMIN_CLIENT_ID',
  adminClientSecret: 'CIS_ADMIN_CLIENT_SECRET',
  userToken: 'CIS_USER_TOKEN',
} as const;

export interface ClientCredentials {
  readonly clientId: string;
  readonly clientSecret: string;
}

export interface LiveCredentials {
  /** An ordinary app's client: its tokens are ClientAccessTokens of that app (docs/facts.md §4.1). */
  readonly client: ClientCredentials;
  /** A management app's client: its tokens are AdminAccessTokens. */
  readonly admin?: ClientCredentials;
  /** A user access token obtained by a login elsewhere (the harness cannot log a user in). */
  readonly userToken?: string;
}

export type Environment = Readonly<Record<string, string | undefined>>;

export class MissingCredentialsError extends Error {
  constructor(readonly variables: readonly string[]) {
    super(
      `live mode needs credentials in the environment: set ${variables.join(' and ')} ` +
        `(the client of the app the run works in; optional: ${CREDENTIAL_VARIABLES.adminClientId}/` +
        `${CREDENTIAL_VARIABLES.adminClientSecret} for admin tokens, ${CREDENTIAL_VARIABLES.userToken} for a user token)`,
    );
    this.name = 'MissingCredentialsError';
  }
}

export function readLiveCredentials(env: Environment): LiveCredentials {
  const value = (name: string): string | undefined => {
    const text = env[name]?.trim();
    return text ? text : undefined;
  };
  const v = CREDENTIAL_VARIABLES;
  const clientId = value(v.clientId);
  const clientSecret = value(v.clientSecret);
  const missing: string[] = [...(clientId ? [] : [v.clientId]), ...(clientSecret ? [] : [v.clientSecret])];
  const adminId = value(v.adminClientId);
  const adminSecret = value(v.adminClientSecret);
  // Half an admin pair is a mistake worth hearing about, not a silent "no admin tokens".
  if (adminId && !adminSecret) missing.push(v.adminClientSecret);
  if (adminSecret && !adminId) missing.push(v.adminClientId);
  if (missing.length > 0) throw new MissingCredentialsError(missing);
  const userToken = value(v.userToken);
  for (const secret of [clientSecret, adminSecret, userToken]) registerProcessSecret(secret);
  return {
    client: { clientId: clientId as string, clientSecret: clientSecret as string },
    ...(adminId && adminSecret ? { admin: { clientId: adminId, clientSecret: adminSecret } } : {}),
    ...(userToken ? { userToken } : {}),
  };
}
