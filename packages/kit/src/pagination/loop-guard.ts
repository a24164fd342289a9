import { FrameioPaginationError } from "../errors/index.js";
import type { Page, PageLink } from "./page.js";

/**
 * Consecutive empty pages that still carry a `links.next` before paging stops. Frame.io may return an empty page
 * now and then (items filtered out by permissions), never a long run of them; a server that does is looping.
 * So an endless run of empty pages costs at most this many requests after the last page with items.
 */
export const MAX_EMPTY_PAGES_IN_A_ROW = 10;

/**
 * Refuses to follow a link when doing so could loop forever: a link already followed in this loop, or the next
 * link of the {@link MAX_EMPTY_PAGES_IN_A_ROW}th empty page in a row.
 */
export class LoopGuard {
  readonly #followed = new Set<string>();
  #emptyInARow = 0;

  /** Call once per page whose link is about to be followed, in page order. */
  check(page: Page, pageNumber: number, link: PageLink): void {
    this.#emptyInARow = page.data.length === 0 ? this.#emptyInARow + 1 : 0;
    if (this.#emptyInARow >= MAX_EMPTY_PAGES_IN_A_ROW) {
      throw new FrameioPaginationError({
        reason: "empty-pages",
        page: pageNumber,
        message: `the server returned ${this.#emptyInARow} empty pages in a row, each with a next link; stopping instead of paging forever`,
        next: link.href,
      });
    }
    if (this.#followed.has(link.url)) {
      throw new FrameioPaginationError({
        reason: "repeated-cursor",
        page: pageNumber,
        message: "the server returned a next link it already returned; following it would loop forever",
        next: link.href,
      });
    }
    this.#followed.add(link.url);
  }
}
