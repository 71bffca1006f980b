import type { ChoicesSpec } from '../../reference/choices.js';
import { startReference } from '../../reference/server.js';
import type { Target } from './types.js';

export interface EmbeddedTargetOptions {
  readonly fault?: string;
  readonly choices?: ChoicesSpec;
  readonly issuerUrl?: string;
  readonly packageRoot: string;
}

/** The reference emulator, in this process, on a free loopback port, with its state hook. */
export async function startEmbeddedTarget(options: EmbeddedTargetOptions): Promise<Target> {
  const reference = await startReference({
    host: '127.0.0.1',
    port: 0,
    packageRoot: options.packageRoot,
    ...(options.fault !== undefined ? { fault: options.fault } : {}),
    ...(options.choices !== undefined ? { choices: options.choices } : {}),
    ...(options.issuerUrl !== undefined ? { jwksUrl: `${options.issuerUrl.replace(/\/+$/, '')}/oidc/jwks` } : {}),
  });
  return {
    label: 'embedded',
    baseUrl: reference.url,
    stateUrl: reference.stateUrl,
    problems: [],
    ...(reference.fault !== undefined ? { fault: reference.fault } : {}),
    ...(reference.choices.length > 0 ? { choices: reference.choices } : {}),
    close: () => reference.close(),
  };
}
