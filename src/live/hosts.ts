/**
 * The live service's hosts (docs/facts.md §1.1). The Clients API lives under `/cis`; the token endpoint `POST /oidc/token`
 * lives outside it, on the same host (docs/facts.md §4.1). Production is reachable only by an explicit choice
 * (`--production`): a conformance run creates and deletes clients, which belongs in the sandbox.
 */
export const LIVE_REGIONS = ['us', 'eu', 'ca', 'au'] as const;
export type LiveRegion = (typeof LIVE_REGIONS)[number];

/**
 * `standin` is a loopback stand-in of the sandbox (`sandbox-standin`, issue 18), aimed at with `--live-origin`; its
 * origin is always a loopback one (`loopbackOrigin`), and reports name it `sandbox-standin <origin>`.
 */
export type LiveHost =
  | { readonly environment: 'sandbox' }
  | { readonly environment: 'production'; readonly region: LiveRegion }
  | { readonly environment: 'standin'; readonly origin: string };

/** The label prefix of a stand-in target: never `sandbox` alone, so no report can pass for the real one. */
export const STANDIN_LABEL = 'sandbox-standin';

export const SANDBOX_ORIGIN = 'https://api.sbx.transmitsecurity.io';

const PRODUCTION_ORIGINS: Readonly<Record<LiveRegion, string>> = {
  us: 'https://api.transmitsecurity.io',
  eu: 'https://api.eu.transmitsecurity.io',
  ca: 'https://api.ca.transmitsecurity.io',
  au: 'https://api.au.transmitsecurity.io',
};

export function liveOrigin(host: LiveHost): string {
  switch (host.environment) {
    case 'sandbox':
      return SANDBOX_ORIGIN;
    case 'production':
      return PRODUCTION_ORIGINS[host.region];
    case 'standin':
      return host.origin;
  }
}

/** The prefix before `/v1/...`. */
export function liveBaseUrl(host: LiveHost): string {
  return `${liveOrigin(host)}/cis`;
}

export function liveTokenUrl(host: LiveHost): string {
  return `${liveOrigin(host)}/oidc/token`;
}

/**
 * How reports name the target: `sandbox`, `production-eu` for a production host, `sandbox-standin
 * http://127.0.0.1:P` for a stand-in.
 */
export function liveLabel(host: LiveHost): string {
  switch (host.environment) {
    case 'sandbox':
      return 'sandbox';
    case 'production':
      return `production-${host.region}`;
    case 'standin':
      return `${STANDIN_LABEL} ${host.origin}`;
  }
}

/** The host a label of `liveLabel` names, or undefined for a label that is not a live host's. */
export function hostOfLabel(label: string): LiveHost | undefined {
  if (label === 'sandbox') return { environment: 'sandbox' };
  if (label.startsWith(`${STANDIN_LABEL} `)) {
    const parsed = loopbackOrigin(label.slice(STANDIN_LABEL.length + 1));
    return 'origin' in parsed ? { environment: 'standin', origin: parsed.origin } : undefined;
  }
  const region = /^production-(\w+)$/.exec(label)?.[1];
  return region !== undefined && isLiveRegion(region) ? { environment: 'production', region } : undefined;
}

/** The `run`/`cleanup` flags that select `host` again (for messages that tell the user what to type). */
export function liveFlags(host: LiveHost): string {
  switch (host.environment) {
    case 'sandbox':
      return '--target sandbox';
    case 'production':
      return `--target sandbox --production --region ${host.region}`;
    case 'standin':
      return `--target sandbox --live-origin ${host.origin}`;
  }
}

const LOOPBACK_HOSTNAMES = new Set(['127.0.0.1', '[::1]', '::1', 'localhost']);

/** Whether an interface name or URL hostname is a loopback one: 127.0.0.1, ::1 (bracketed or not), localhost. */
export function isLoopbackHostname(hostname: string): boolean {
  return LOOPBACK_HOSTNAMES.has(hostname.toLowerCase());
}

/**
 * The origin (`http://127.0.0.1:P`) of a `--live-origin` value, or why it is refused:
 * only http(s) origins on a loopback host, with no path, query, fragment or user info, are accepted — live mode
 * aimed anywhere else would be a production service that is not named as one.
 */
export function loopbackOrigin(value: string): { readonly origin: string } | { readonly refused: string } {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { refused: `not a URL: '${value}' (expected e.g. http://127.0.0.1:8080)` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { refused: `not an http(s) origin: '${value}'` };
  if (!isLoopbackHostname(url.hostname)) {
    return {
      refused:
        `not a loopback origin: '${value}' (only 127.0.0.1, ::1 and localhost; ` +
        'the live hosts are chosen with --production/--region)',
    };
  }
  if (url.username !== '' || url.password !== '') return { refused: `not an origin: '${value}' carries user info` };
  if ((url.pathname !== '/' && url.pathname !== '') || url.search !== '' || url.hash !== '') {
    return {
      refused: `not an origin: '${value}' has a path, query or fragment (the API is at <origin>/cis, tokens at <origin>/oidc/token)`,
    };
  }
  return { origin: url.origin };
}

export function isLiveRegion(value: string): value is LiveRegion {
  return (LIVE_REGIONS as readonly string[]).includes(value);
}
