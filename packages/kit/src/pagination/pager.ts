import { FrameioPaginationError, FrameioValidationError } from "../errors/index.js";
import { invalidOption } from "../internal/invalid-option.js";
import { linkedAbortController } from "../internal/linked-signal.js";
import { cursorFromNext } from "./cursor.js";
import { resolvePagerOptions, type PagerOptions, type ResolvedPagerOptions } from "./options.js";
import type { FetchPage, Page, PageItem, PageQuery } from "./page.js";

/**
 * A lazily fetched, forward-only list:
 * - `await pager` is the first page (the typed response body); it is fetched once and shared.
 * - `for await (const item of pager)` yields every item, following `links.next` page by page.
 * - `pager.pages()` yields whole pages; `pager.toArray({ limit })` collects items.
 * Each loop starts again from the first page and stops fetching as soon as it is left. Because a Pager is
 * thenable, returning one from an async function hands out the first page: return it from a plain function.
 */
export class Pager<TPage extends Page, TItem = PageItem<TPage>> implements PromiseLike<TPage>, AsyncIterable<TItem> {
  readonly #fetchPage: FetchPage<TPage>;
  readonly #options: ResolvedPagerOptions;
  #firstPage: Promise<TPage> | undefined;

  constructor(fetchPage: FetchPage<TPage>, options?: PagerOptions) {
    if (typeof fetchPage !== "function") {
      throw new FrameioValidationError("paginate", [invalidOption("fetchPage", "a function that fetches one page", fetchPage)]);
    }
    this.#fetchPage = fetchPage;
    this.#options = resolvePagerOptions(options);
  }

  then<TResult1 = TPage, TResult2 = never>(
    onfulfilled?: ((page: TPage) => TResult1 | PromiseLike<TResult1>) | null,
    onrejected?: ((reason: unknown) => TResult2 | PromiseLike<TResult2>) | null,
  ): Promise<TResult1 | TResult2> {
    return this.#first().then(onfulfilled, onrejected);
  }

  /** `total_count` of the first page: a number when the pager was made with `include_total_count: true`. */
  async totalCount(): Promise<number | undefined> {
    return (await this.#first()).total_count ?? undefined;
  }

  /** Yields whole pages; `maxItems` stops requests once enough items arrived but does not trim a page. */
  pages(): AsyncGenerator<TPage, void, undefined> {
    return this.#pages(this.#options.maxItems);
  }

  [Symbol.asyncIterator](): AsyncGenerator<TItem, void, undefined> {
    return this.#items(this.#options.maxItems);
  }

  /** Collects items, at most `limit` (and at most `maxItems`), requesting no page beyond the one that fills it. */
  async toArray(options: { limit?: number } = {}): Promise<TItem[]> {
    const { limit } = options;
    if (limit !== undefined && !(Number.isInteger(limit) && limit >= 0)) {
      throw new FrameioValidationError("toArray", [invalidOption("limit", "an integer >= 0", limit)]);
    }
    const items: TItem[] = [];
    if (limit === 0) return items;
    for await (const item of this.#items(Math.min(limit ?? Number.POSITIVE_INFINITY, this.#options.maxItems))) {
      items.push(item);
    }
    return items;
  }

  #first(): Promise<TPage> {
    // Shared by every loop; forgotten on failure so a later await can try again.
    this.#firstPage ??= this.#load(undefined, 1, this.#options.signal).catch((error: unknown) => {
      this.#firstPage = undefined;
      throw error;
    });
    return this.#firstPage;
  }

  async *#items(maxItems: number): AsyncGenerator<TItem, void, undefined> {
    let remaining = maxItems;
    for await (const page of this.#pages(maxItems)) {
      for (const item of page.data as readonly TItem[]) {
        if (remaining <= 0) return;
        remaining--;
        yield item;
      }
    }
  }

  async *#pages(maxItems: number): AsyncGenerator<TPage, void, undefined> {
    const { maxPages, prefetch, signal: callerSignal } = this.#options;
    // Leaving the loop aborts a prefetch in flight; the caller's signal aborts everything.
    const { controller: stop, unlink } = linkedAbortController([callerSignal]);
    const signal = stop.signal;
    const seen = new Set<string>();
    let pending: Promise<TPage> | undefined = this.#first();
    let pageNumber = 0;
    let items = 0;
    try {
      while (pending !== undefined) {
        const page: TPage = await pending;
        pending = undefined;
        pageNumber++;
        items += page.data.length;
        const cursor = cursorFromNext(page.links?.next, pageNumber);
        if (cursor !== undefined && seen.has(cursor)) {
          throw new FrameioPaginationError({
            reason: "repeated-cursor",
            page: pageNumber,
            message: "the server returned a cursor it already returned; following it would loop forever",
            next: page.links?.next ?? undefined,
          });
        }
        const next = cursor !== undefined && pageNumber < maxPages && items < maxItems ? cursor : undefined;
        if (next !== undefined) seen.add(next);
        if (next !== undefined && prefetch) {
          pending = this.#load(next, pageNumber + 1, signal);
          // If the loop is left before this page is wanted, its abort rejection has no reader.
          pending.catch(() => undefined);
        }
        yield page;
        if (next !== undefined && !prefetch) pending = this.#load(next, pageNumber + 1, signal);
      }
    } finally {
      stop.abort();
      unlink();
    }
  }

  async #load(cursor: string | undefined, pageNumber: number, signal: AbortSignal | undefined): Promise<TPage> {
    const { page_size, include_total_count } = this.#options;
    const query: PageQuery = {};
    if (cursor !== undefined) query.after = cursor;
    if (page_size !== undefined) query.page_size = page_size;
    if (include_total_count !== undefined) query.include_total_count = include_total_count;
    const page = await this.#fetchPage(cursor, signal ?? new AbortController().signal, query);
    if (page === null || typeof page !== "object" || !Array.isArray((page as { data?: unknown }).data)) {
      throw new FrameioPaginationError({
        reason: "invalid-page",
        page: pageNumber,
        message: "the page has no `data` array; is fetchPage returning the response body?",
      });
    }
    return page;
  }
}
