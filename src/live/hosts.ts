/**
 * The live service's hosts (docs/facts.md §1.1). The Clients API lives under `/cis`; the token endpoint `POST /oidc/token`
 * lives outside it, on the same host (docs/facts.md §4.1). Production is reachable only by an explicit choice
 * (`--production`): a conformance run creates and deletes clients, which belongs in the sandbox.
 */
export const LIVE_REGIONS = ['us', 'eu', 'ca', 'au'] as const;
export type LiveRegion = (typeof LIVE_REGIONS)[number];

export type LiveHost =
  { readonly environment: 'sandbox' } | { readonly environment: 'production'; readonly region: LiveRegion };

export const SANDBOX_ORIGIN = 'https://api.sbx.transmitsecurity.io';

const PRODUCTION_ORIGINS: Readonly<Record<LiveRegion, string>> = {
  us: 'https://api.transmitsecurity.io',
  eu: 'https://api.eu.transmitsecurity.io',
  ca: 'https://api.ca.transmitsecurity.io',
  au: 'https://api.au.transmitsecurity.io',
};

export function liveOrigin(host: LiveHost): string {
  return host.environment === 'sandbox' ? SANDBOX_ORIGIN : PRODUCTION_ORIGINS[host.region];
}

/** The prefix before `/v1/...`. */
export function liveBaseUrl(host: LiveHost): string {
  return `${liveOrigin(host)}/cis`;
}

export function liveTokenUrl(host: LiveHost): string {
  return `${liveOrigin(host)}/oidc/token`;
}

/** How reports name the target: `sandbox`, or `production-eu` for a production host. */
export function liveLabel(host: LiveHost): string {
  return host.environment === 'sandbox' ? 'sandbox' : `production-${host.region}`;
}

/** The host a label of `liveLabel` names, or undefined for a label that is not a live host's. */
export function hostOfLabel(label: string): LiveHost | undefined {
  if (label === 'sandbox') return { environment: 'sandbox' };
  const region = /^production-(\w+)$/.exec(label)?.[1];
  return region !== undefined && isLiveRegion(region) ? { environment: 'production', region } : undefined;
}

/** The `run`/`cleanup` flags that select `host` again (for messages that tell the user what to type). */
export function liveFlags(host: LiveHost): string {
  return host.environment === 'sandbox' ? '--target sandbox' : `--target sandbox --production --region ${host.region}`;
}

export function isLiveRegion(value: string): value is LiveRegion {
  return (LIVE_REGIONS as readonly string[]).includes(value);
}
