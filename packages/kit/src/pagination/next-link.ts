import { FrameioPaginationError } from "../errors/index.js";
import type { PageLink } from "./page.js";

/** The SDK's default API base; relative links resolve against the pager's `baseUrl`, else this. */
export const DEFAULT_BASE_URL = "https://api.frame.io";

/**
 * Checks a page's `links.next` and takes it apart, or returns `undefined` on the last page (`next` null or absent).
 * Called only when the next page is actually wanted, so a page is always handed over before its link is judged.
 * A link on another origin is refused: following it would send the caller's credentials to a foreign host.
 */
export function resolveNextLink(next: unknown, page: number, baseUrl: string): PageLink | undefined {
  if (next === null || next === undefined) return undefined;
  const refuse = (message: string) =>
    new FrameioPaginationError({ reason: "malformed-next", page, message, next: String(next) });
  if (typeof next !== "string" || next.trim() === "") {
    throw refuse(`links.next must be a URL string or null, got ${next === "" ? "an empty string" : typeof next}`);
  }
  const base = new URL(baseUrl);
  let url: URL;
  try {
    url = new URL(next, base.origin);
  } catch {
    throw refuse(`links.next is not a URL: ${JSON.stringify(next.slice(0, 200))}`);
  }
  if (url.origin !== base.origin) {
    throw refuse(
      `links.next points to ${url.protocol}//${url.host}, not the API origin ${base.origin}; it is not followed`,
    );
  }
  const query: Record<string, string> = {};
  for (const [name, value] of url.searchParams) query[name] = value;
  return { href: next, path: url.pathname, query, url: url.href };
}
