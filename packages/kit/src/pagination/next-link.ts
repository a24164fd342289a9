import { FrameioPaginationError } from "../errors/index.js";
import type { PageLink } from "./page.js";

/** The SDK's default API base; relative links resolve against the pager's `baseUrl`, else this. */
export const DEFAULT_BASE_URL = "https://api.frame.io";

/**
 * `links.next` parsed as a URL against `baseUrl`, or `undefined` on the last page (`next` null or absent). Anything
 * else that is not a URL string ends paging with `malformed-next`: guessing would re-fetch or skip pages.
 */
export function parseNextLink(next: unknown, page: number, baseUrl: string = DEFAULT_BASE_URL): URL | undefined {
  if (next === null || next === undefined) return undefined;
  if (typeof next !== "string" || next.trim() === "") {
    const got = next === "" ? "an empty string" : typeof next;
    throw nextLinkError("malformed-next", page, next, `links.next must be a URL string or null, got ${got}`);
  }
  try {
    return new URL(next, baseUrl);
  } catch {
    throw nextLinkError("malformed-next", page, next, `links.next is not a URL: ${JSON.stringify(next.slice(0, 200))}`);
  }
}

/**
 * Checks a page's `links.next` and takes it apart, or returns `undefined` on the last page (`next` null or absent).
 * Called only when the next page is actually wanted, so a page is always handed over before its link is judged.
 * A link on another origin is refused (`foreign-origin`): following it would send the caller's credentials to a
 * foreign host.
 */
export function resolveNextLink(next: unknown, page: number, baseUrl: string): PageLink | undefined {
  const origin = new URL(baseUrl).origin;
  const url = parseNextLink(next, page, origin);
  if (url === undefined) return undefined;
  if (url.origin !== origin) {
    const where = `${url.protocol}//${url.host}`;
    throw nextLinkError(
      "foreign-origin",
      page,
      next,
      `links.next points to ${where}, not the API origin ${origin}; it is not followed`,
    );
  }
  const query: Record<string, string> = {};
  for (const [name, value] of url.searchParams) query[name] = value;
  return { href: next as string, path: url.pathname, query, url: url.href };
}

/** The error for a refused `links.next`, quoting the link (cursors are opaque, not secret). */
export function nextLinkError(
  reason: "malformed-next" | "foreign-origin",
  page: number,
  next: unknown,
  message: string,
): FrameioPaginationError {
  return new FrameioPaginationError({ reason, page, message, next: String(next) });
}
