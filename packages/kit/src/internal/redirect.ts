import { FrameioRedirectError } from "../errors/index.js";

/** How the transport treats 3xx answers (requests are always sent with `redirect: "manual"`). */
export type RedirectPolicy = "same-origin-get" | "never";

/** Enough hops for http->https plus a path move; a longer chain is a loop or a misconfiguration. */
export const MAX_REDIRECTS = 5;

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const READS = new Set(["GET", "HEAD"]);

/**
 * The URL to follow for `response`, `undefined` when it is not a redirect, or a FrameioRedirectError to throw:
 * a redirect of a write (fetch would re-send a POST as a GET on 301-303, or post its body to any host on 307/308),
 * any redirect under the "never" policy, too many hops, a non-http target, or a browser's opaque redirect.
 * Following a GET is allowed on any origin; whether the token goes along is the request scope's decision.
 */
export function redirectTarget(
  response: Response,
  request: { method: string; url: string },
  policy: RedirectPolicy,
  hops: number,
  attempts: number,
): URL | FrameioRedirectError | undefined {
  const fail = (reason: string, location?: string) =>
    new FrameioRedirectError({ ...request, status: response.status, location, attempts, reason });
  if (response.type === "opaqueredirect") {
    return fail("the runtime hides redirect targets (browser opaque redirect); check baseUrl");
  }
  if (!REDIRECT_STATUSES.has(response.status)) return undefined;
  const location = response.headers.get("location");
  if (location === null) return undefined;
  let target: URL;
  try {
    target = new URL(location, request.url);
  } catch {
    return fail("the Location header is not a valid URL", location);
  }
  if (policy === "never") return fail("redirects are never followed for this endpoint", target.href);
  if (!READS.has(request.method.toUpperCase())) {
    return fail("a redirected write is not re-sent (check baseUrl: http vs https, or a proxy)", target.href);
  }
  if (target.protocol !== "https:" && target.protocol !== "http:")
    return fail("only http(s) targets are followed", target.href);
  if (hops >= MAX_REDIRECTS) return fail(`more than ${MAX_REDIRECTS} redirects`, target.href);
  return target;
}
