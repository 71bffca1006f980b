import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import type { AddressInfo } from 'node:net';
import { resolveKeySource } from './auth/keySource.js';
import { tokenVerifier } from './auth/verifyToken.js';
import { bodyLimitBytes, installJsonBodyParser } from './bodyParsing.js';
import { errorBody, installErrorHandlers } from './errors.js';
import { choiceSet, type ChoicesSpec } from './choices.js';
import { faultSwitch } from './faults.js';
import { OPERATIONS } from './operations.js';
import { findPackageRoot } from './packageRoot.js';
import { clientHandlers } from './routes/clients.js';
import { consentHandlers } from './routes/consents.js';
import { registerMethodNotAllowed } from './routes/methodNotAllowed.js';
import type { HandlerDeps } from './routes/operationCall.js';
import { registerOperations } from './routes/operationRoutes.js';
import { registerStateHook, STATE_HOOK_PATH } from './routes/stateHook.js';
import { createMemoryStore } from './store/memoryStore.js';
import type { ReferenceStore } from './store/types.js';
import { loadRequestValidator } from './validation/requestValidator.js';

export interface ReferenceOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** One seeded defect from `FAULTS` (reference/faults.ts); unknown names are rejected. */
  fault?: string;
  /** Which side to take on the points the docs leave open (reference/choices.ts): default none, `alternate` all. */
  choices?: ChoicesSpec;
  /** JWKS file to trust; default `fixtures/keys/jwks.json` of the package. Relative paths resolve from the cwd. */
  jwksFile?: string;
  /** JWKS URL to trust instead of a file (fetched and cached by jose). */
  jwksUrl?: string;
  /** Expected `iss`; default `https://userid.security`. */
  issuer?: string;
  /** Accepted `aud` values; default `['userid-api']`. */
  audiences?: string[];
  logger?: boolean;
  /** Folder holding `schemas/` and `fixtures/`; default: found by walking up from this file. */
  packageRoot?: string;
  /** The store to serve (default a new, empty memory store): the sandbox stand-in seeds its tenant into it. */
  store?: ReferenceStore;
  /** Whether `/__conformance/state` is served (default true); the sandbox stand-in has none, like the live service. */
  stateHook?: boolean;
}

export interface RunningReference {
  /** `http://127.0.0.1:PORT`, the prefix before `/v1/...`. */
  readonly url: string;
  readonly stateUrl: string;
  readonly fault?: string;
  /** The choices switched on (reference/choices.ts), in registry order. */
  readonly choices: readonly string[];
  /** Which keys it trusts, e.g. `file /…/fixtures/keys/jwks.json`. */
  readonly jwksSource: string;
  close(): Promise<void>;
}

export const DEFAULT_ISSUER = 'https://userid.security';
export const DEFAULT_AUDIENCES: readonly string[] = ['userid-api'];

/** The emulator as a fastify instance, not listening (for `inject()` and supertest). */
export async function buildReferenceApp(options: ReferenceOptions = {}): Promise<FastifyInstance> {
  return (await assemble(options)).app;
}

/** Builds the emulator and listens; resolves once it accepts connections. */
export async function startReference(options: ReferenceOptions = {}): Promise<RunningReference> {
  const { app, jwksSource, fault, choices } = await assemble(options);
  await app.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? 0 });
  const address = app.server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  return { url, stateUrl: url + STATE_HOOK_PATH, fault, choices, jwksSource, close: () => app.close() };
}

async function assemble(options: ReferenceOptions) {
  const faults = faultSwitch(options.fault);
  const choices = choiceSet(options.choices);
  const packageRoot = options.packageRoot ?? findPackageRoot();
  const keys = resolveKeySource({ packageRoot, jwksFile: options.jwksFile, jwksUrl: options.jwksUrl });
  const verify = tokenVerifier({
    faults,
    choices,
    keys,
    issuer: options.issuer ?? DEFAULT_ISSUER,
    audiences: options.audiences && options.audiences.length > 0 ? options.audiences : DEFAULT_AUDIENCES,
  });
  const deps: HandlerDeps = {
    store: options.store ?? createMemoryStore(),
    faults,
    choices,
    validator: loadRequestValidator(packageRoot),
    clock: () => new Date(),
  };

  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: bodyLimitBytes(choices),
    // Long ids are only unknown ids: 404 like any other (decisions #20), not 414.
    routerOptions: { maxParamLength: 2048 },
    // Undecodable path segments (`%zz`) name no resource either: 404, not fastify's 400.
    frameworkErrors: (error, request, reply) => {
      const status = error.code === 'FST_ERR_BAD_URL' || error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 404 : 400;
      // fastify types this callback's reply generically; it is an ordinary reply.
      void (reply as unknown as FastifyReply)
        .code(status)
        .send(errorBody(status, [`no resource at ${request.url.split('?')[0]}`]));
    },
  });
  installErrorHandlers(app, choices);
  installJsonBodyParser(app, bodyLimitBytes(choices));
  registerOperations(app, { verify, faults, choices, handlers: { ...clientHandlers(deps), ...consentHandlers(deps) } });
  // `unsupported-method-404` (reference/choices.ts): no 405 routes, so an unlisted method is an unknown route (404).
  if (!choices.isOn('unsupported-method-404')) registerMethodNotAllowed(app, OPERATIONS);
  if (options.stateHook !== false) registerStateHook(app, deps);
  await app.ready();
  return { app, jwksSource: keys.description, fault: faults.active, choices: choices.active };
}
