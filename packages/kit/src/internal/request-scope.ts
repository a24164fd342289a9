/**
 * Which URLs get the bearer token: those on the configured base URL's origin whose path is the base path or
 * below it. Without a base URL, the origin of the call's first request. Redirect hops are checked again, so a
 * token never follows a redirect to another host or out of the API's path.
 */
export function tokenScope(baseUrl: string | undefined, firstUrl: string): (url: URL) => boolean {
  const base = new URL(baseUrl ?? firstUrl);
  const prefix = baseUrl === undefined ? "" : base.pathname.replace(/\/+$/, "");
  return (url) =>
    url.origin === base.origin && (prefix === "" || url.pathname === prefix || url.pathname.startsWith(`${prefix}/`));
}
