import { nextLinkError, parseNextLink } from "./next-link.js";

/**
 * The `after` cursor in a page's `links.next`, or `undefined` on the last page (`next` null or absent).
 * Frame.io sends a relative path such as `/v4/accounts/…/children?after=g3QAA…%3D%3D`; absolute URLs work too.
 * The value returned is decoded (`%3D` becomes `=`), ready to be sent again as the `after` query parameter.
 */
export function cursorFromNext(next: unknown, page: number): string | undefined {
  const url = parseNextLink(next, page);
  if (url === undefined) return undefined;
  const after = url.searchParams.get("after");
  if (after === null || after === "") {
    const shown = JSON.stringify((next as string).slice(0, 200));
    throw nextLinkError("malformed-next", page, next, `links.next has no "after" cursor: ${shown}`);
  }
  return after;
}
