import { liveApp, liveTokensFor } from '../live/workerTokens.js';
import { shortHash } from './naming.js';
import { CheckCouldNotRun, CheckSkipped } from '../model/checkSignals.js';
import type { AppFixture, CheckFixtures, ConsentFixture, SuiteRunConfig } from './types.js';
import type { HttpResponse } from '../http/index.js';

/** Posts one provider-state request (docs/design.md §2.3); rejects with TargetError when unreachable. */
export type StateHookCall = (body: {
  state: string;
  params: Record<string, unknown>;
  action: 'setup' | 'teardown';
}) => Promise<HttpResponse>;

export interface FixturesHandle {
  readonly fixtures: CheckFixtures;
  /** Tears down, newest first, what the check set up. Best effort: failures are returned, never thrown. */
  teardown(): Promise<string[]>;
}

/**
 * Fixtures of one check. Ids are `<prefix>-<runId>-<check hash><n>`: the run id keeps runs apart (even two with
 * the same seed), the hash of the check id keeps checks of one run apart across parallel workers.
 */
export function createFixtures(config: SuiteRunConfig, checkId: string, hook: StateHookCall | null): FixturesHandle {
  let counter = 0;
  const checkKey = shortHash(checkId);
  const teardowns: Array<() => Promise<void>> = [];
  const id = (prefix: string): string => `${prefix}-${config.runId}-${checkKey}${++counter}`;

  const setup = async (state: string, params: Record<string, unknown>): Promise<Record<string, unknown>> => {
    if (!hook) throw new Error('no state hook');
    const res = await hook({ state, params, action: 'setup' });
    if (res.status !== 200 || typeof res.json !== 'object' || res.json === null) {
      const detail = res.jsonError ?? res.text.slice(0, 200);
      throw new CheckCouldNotRun(`state hook setup '${state}' answered ${res.status}: ${detail}`);
    }
    teardowns.push(async () => {
      await hook({ state, params, action: 'teardown' });
    });
    return res.json as Record<string, unknown>;
  };

  // Live mode: the one app there is, the credentials' own (read from its token's claims), once per check — a check
  // asking for a second app means to work with two different apps, which the live tenant cannot give it.
  let liveApps = 0;
  const liveAppFixture = async (options: {
    readonly tenantId?: string;
    readonly name?: string;
    readonly appId?: string;
  }) => {
    if (liveApps++ > 0) {
      throw new CheckSkipped("live mode: the run has one app (the credentials'), and this check needs a second one");
    }
    const own = await liveApp(liveTokensFor(config));
    if (options.tenantId !== undefined && options.tenantId !== own.tenantId) {
      throw new CheckSkipped(`live mode: the run has no app in tenant ${options.tenantId}`);
    }
    if (options.appId !== undefined && options.appId !== own.appId) {
      throw new CheckSkipped(`live mode: the run has no app ${options.appId}`);
    }
    if (options.name !== undefined && options.name !== own.appName) {
      throw new CheckSkipped(`live mode: the run cannot create an app named ${JSON.stringify(options.name)}`);
    }
    return own;
  };

  const fixtures: CheckFixtures = {
    id,
    async app(options = {}) {
      // (`tokens?`: partial configs in unit tests carry none.)
      if (config.tokens?.kind === 'sandbox') return liveAppFixture(options);
      const tenantId = options.tenantId ?? id('tenant');
      const appId = options.appId ?? id('app');
      const wanted: AppFixture = {
        tenantId,
        appId,
        appName: options.name ?? `conformance ${appId}`,
        clientId: id('client'),
      };
      // Without a hook the target must accept any app (docs/decisions.md #27); the ids are then only ours.
      if (!hook) return wanted;
      const params = {
        tenant_id: wanted.tenantId,
        app_id: wanted.appId,
        app_name: wanted.appName,
        client_id: wanted.clientId,
      };
      const got = await setup('an app exists', params);
      return {
        tenantId: stringOr(got['tenant_id'], wanted.tenantId),
        appId: stringOr(got['app_id'], wanted.appId),
        appName: stringOr(got['app_name'], wanted.appName),
        clientId: stringOr(got['client_id'], wanted.clientId),
      };
    },
    async consent(options) {
      if (!hook)
        throw new CheckSkipped(
          `needs a consent through the state hook, and ${config.stateUnavailableReason ?? 'the target has no state hook'}`,
        );
      const { app } = options;
      const params: Record<string, unknown> = {
        tenant_id: app.tenantId,
        app_id: app.appId,
        client_id: options.clientId ?? app.clientId,
        user_id: options.userId,
        scope: options.scope ?? 'openid',
        ...(options.expiresAt !== undefined ? { expires_at: options.expiresAt } : {}),
      };
      const got = await setup('a consent exists', params);
      const result = (got['result'] ?? got) as unknown as ConsentFixture;
      if (typeof result.consent_id !== 'string') {
        throw new CheckCouldNotRun(
          `state hook 'a consent exists' answered without a consent_id: ${JSON.stringify(got).slice(0, 200)}`,
        );
      }
      return result;
    },
  };

  return {
    fixtures,
    async teardown() {
      const problems: string[] = [];
      for (const down of teardowns.reverse()) {
        await down().catch((error: unknown) => problems.push(error instanceof Error ? error.message : String(error)));
      }
      return problems;
    },
  };
}

function stringOr(value: unknown, fallback: string): string {
  return typeof value === 'string' && value !== '' ? value : fallback;
}
