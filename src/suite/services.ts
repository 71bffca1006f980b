import { createMinter } from '../issuer/minter.js';
import { loadCatalog } from '../catalog/catalog.js';
import { sharedSchemaRegistry } from '../catalog/schemas.js';
import type { CheckServices } from './runCheck.js';
import type { SuiteRunConfig } from './types.js';

/**
 * The read-only resources of a worker (catalog, compiled schemas, signing key), loaded once per run and package
 * root: the run does not isolate suite files (src/engine/vitestRun.ts), so this memo serves the worker's files
 * one after another and holds no run state.
 */
const loaded = new Map<string, Promise<CheckServices>>();

export function servicesFor(config: SuiteRunConfig): Promise<CheckServices> {
  const key = `${config.runId}|${config.packageRoot}`;
  let services = loaded.get(key);
  if (!services) {
    services = load(config);
    loaded.set(key, services);
  }
  return services;
}

async function load(config: SuiteRunConfig): Promise<CheckServices> {
  const minter =
    config.tokens.kind === 'local'
      ? await createMinter({ packageRoot: config.packageRoot, iss: config.tokens.iss })
      : null;
  return {
    config,
    catalog: loadCatalog(config.packageRoot),
    schemas: sharedSchemaRegistry(config.packageRoot),
    minter,
  };
}
