/**
 * Which URLs get the bearer token: those on the configured base URL's origin whose path is the base path or
 * below it. Without a base URL, the origin of the call's first request. Redirect hops are checked again, so a
 * token never follows a redirect to another host or out of the API's path. URLs must be serialised by the URL
 * parser (`Request.url`, `URL.href`), so a string comparison is exact.
 */
export function tokenScope(baseUrl: string | undefined, firstUrl: string): (url: string) => boolean {
  const base = new URL(baseUrl ?? firstUrl);
  const root = base.origin + (baseUrl === undefined ? "" : base.pathname.replace(/\/+$/, ""));
  return (url) => url.startsWith(root) && (url.length === root.length || "/?#".includes(url.charAt(root.length)));
}
