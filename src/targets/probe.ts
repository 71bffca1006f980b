import { createHttpClient, isTargetError } from '../http/index.js';

/**
 * Pre-flight: does anything answer HTTP at the base URL? A harmless unauthenticated GET; any status counts
 * (a 401 is the expected answer, a 5xx lets the suites run and judge too), and so does an answer too large to
 * read. Resolves with the reason when nothing answered HTTP at all (refused, reset, timed out...), else null:
 * the run then stops before the suites, every planned check an `error` with this reason.
 */
export async function probeReachable(baseUrl: string, timeoutMs: number): Promise<string | null> {
  const client = createHttpClient({ timeoutMs });
  try {
    await client.send({
      method: 'GET',
      url: `${baseUrl.replace(/\/+$/, '')}/v1/clients`,
      headers: { accept: 'application/json' },
    });
    return null;
  } catch (error) {
    if (isTargetError(error) && error.kind === 'too-large') return null;
    const detail = isTargetError(error) ? `${error.kind}: ${error.message}` : String(error);
    return `target ${baseUrl} is unreachable (${detail})`;
  } finally {
    await client.close();
  }
}

/**
 * Is there a provider-state hook at `stateUrl`? Asks it to tear down a state that cannot exist — harmless on
 * any hook. A hook answers JSON with 200 or (unknown state, docs/decisions.md #26) 400; anything else means none.
 */
export async function probeStateHook(stateUrl: string, timeoutMs: number): Promise<string | null> {
  const client = createHttpClient({ timeoutMs });
  try {
    const res = await client.send({
      method: 'POST',
      url: stateUrl,
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ state: 'cis-conformance probe (no such state)', params: {}, action: 'teardown' }),
    });
    if ((res.status === 200 || res.status === 400) && res.json !== undefined) return null;
    return `there is no state hook at ${stateUrl} (it answered ${res.status}${res.jsonError ? ', not JSON' : ''})`;
  } catch (error) {
    return `there is no state hook at ${stateUrl} (${isTargetError(error) ? error.kind : 'error'}: ${error instanceof Error ? error.message : String(error)})`;
  } finally {
    await client.close();
  }
}
