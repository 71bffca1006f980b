/**
 * The one place a path template, a base URL and a query become a request URL. Pure string work, no transport:
 * the typed client (src/client), the harness's HTTP client and the live clean-up all build their URLs here.
 */

/**
 * Fills a path template, URI-encoding each value (so an id such as `a/b c` stays one path segment).
 * Throws when the template names a parameter that `params` lacks.
 */
export function fillPath(template: string, params: Readonly<Record<string, string>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_match, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`path parameter "${name}" of ${template} is missing`);
    return encodeURIComponent(value);
  });
}

/** `path` below `baseUrl`, keeping any prefix of the base (`https://host/cis/` + `/v1/clients`), as written. */
export function urlBelow(baseUrl: string, path: string): string {
  return baseUrl.replace(/\/+$/, '') + path;
}

/** `base` + `path` + query, keeping any prefix of the base URL (e.g. `https://host/cis`). */
export function requestUrl(
  baseUrl: string,
  request: { readonly path: string; readonly query?: Readonly<Record<string, string | undefined>> },
): string {
  const url = new URL(urlBelow(baseUrl, request.path));
  for (const [name, value] of Object.entries(request.query ?? {})) {
    if (value !== undefined) url.searchParams.append(name, value);
  }
  return url.toString();
}
