import { FrameioPaginationError } from "../errors/index.js";

/** Only used to resolve relative `links.next` paths; never contacted. */
const RESOLVE_BASE = "https://api.frame.io";

/**
 * The `after` cursor in a page's `links.next`, or `undefined` on the last page (`next` null or absent).
 * Frame.io sends a relative path such as `/v4/accounts/…/children?after=g3QAA…%3D%3D`; absolute URLs work too.
 * The value returned is decoded (`%3D` becomes `=`), ready to be sent again as the `after` query parameter.
 */
export function cursorFromNext(next: unknown, page: number): string | undefined {
  if (next === null || next === undefined) return undefined;
  const malformed = (message: string) =>
    new FrameioPaginationError({ reason: "malformed-next", page, message, next: String(next) });
  if (typeof next !== "string" || next.trim() === "") {
    throw malformed(`links.next must be a URL string or null, got ${next === "" ? "an empty string" : typeof next}`);
  }
  let url: URL;
  try {
    url = new URL(next, RESOLVE_BASE);
  } catch {
    throw malformed(`links.next is not a URL: ${JSON.stringify(next.slice(0, 200))}`);
  }
  const after = url.searchParams.get("after");
  if (after === null || after === "") {
    throw malformed(`links.next has no "after" cursor: ${JSON.stringify(next.slice(0, 200))}`);
  }
  return after;
}
