import { FrameioPaginationError, FrameioValidationError } from "../errors/index.js";
import { invalidOption } from "../internal/invalid-option.js";
import { linkedAbortController } from "../internal/linked-signal.js";
import { LoopGuard } from "./loop-guard.js";
import { nextLinkError, resolveNextLink } from "./next-link.js";
import { type PagerOptions, type ResolvedPagerOptions, resolvePagerOptions } from "./options.js";
import type { FetchPage, Page, PageItem, PageLink, PageQuery } from "./page.js";

/**
 * A lazily fetched, forward-only list, and a real Promise of its first page:
 * - `await pager`, `pager.then()`, `.catch()`, `.finally()` give the first page (the typed response body); it is
 *   fetched on first use, once, and shared with every loop. `pager instanceof Promise` holds.
 * - `for await (const item of pager)` yields every item, following `links.next` page by page.
 * - `pager.pages()` yields whole pages; `pager.toArray({ limit })` collects items.
 * A page is handed over before its `links.next` is looked at; the link is checked (and followed) only when the
 * next page is wanted. Each loop starts again from the first page and stops fetching as soon as it is left.
 * Nothing is fetched until the pager is awaited or iterated, and a pager used only as an iterable never raises an
 * unhandled rejection. Because a Pager is a promise, returning one from an async function hands out the first
 * page: return it from a plain function to hand out the pager.
 */
export class Pager<TPage extends Page, TItem = PageItem<TPage>> extends Promise<TPage> implements AsyncIterable<TItem> {
  /** Promises derived from a Pager (`then`, `catch`, `finally`, `Promise.all`) are plain Promises. */
  static override get [Symbol.species](): PromiseConstructor {
    return Promise;
  }

  readonly #fetchPage: FetchPage<TPage>;
  readonly #options: ResolvedPagerOptions;
  #firstPage: Promise<TPage> | undefined;

  constructor(fetchPage: FetchPage<TPage>, options?: PagerOptions) {
    // The base promise only makes a Pager a Promise; it is never observed, since then/catch/finally are the
    // lazily fetched first page's. Resolving it at once means it can never be an unhandled rejection.
    super((resolve) => resolve(undefined as never));
    if (typeof fetchPage !== "function") {
      throw new FrameioValidationError("paginate", [
        invalidOption("fetchPage", "a function that fetches one page", fetchPage),
      ]);
    }
    this.#fetchPage = fetchPage;
    this.#options = resolvePagerOptions(options);
  }

  // biome-ignore lint/suspicious/noThenProperty: a Pager is a Promise of its first page by design (issue #12.9).
  override then<TResult1 = TPage, TResult2 = never>(
    onfulfilled?: ((page: TPage) => TResult1 | PromiseLike<TResult1>) | null,
    onrejected?: ((reason: unknown) => TResult2 | PromiseLike<TResult2>) | null,
  ): Promise<TResult1 | TResult2> {
    return this.#first().then(onfulfilled, onrejected);
  }

  override catch<TResult = never>(
    onrejected?: ((reason: unknown) => TResult | PromiseLike<TResult>) | null,
  ): Promise<TPage | TResult> {
    return this.#first().catch(onrejected);
  }

  override finally(onfinally?: (() => void) | null): Promise<TPage> {
    return this.#first().finally(onfinally);
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
    const guard = new LoopGuard();
    let pending: Promise<TPage> | undefined = this.#first();
    let pageNumber = 0;
    let items = 0;
    try {
      while (pending !== undefined) {
        const page: TPage = await pending;
        pending = undefined;
        pageNumber++;
        items += page.data.length;
        const next = page.links?.next;
        const wanted = next !== undefined && next !== null && pageNumber < maxPages && items < maxItems;
        if (wanted && prefetch) {
          pending = this.#follow(page, pageNumber, guard, stop.signal);
          // If the loop is left before this page is wanted, its rejection (abort, bad link) has no reader.
          pending.catch(() => undefined);
        }
        yield page;
        if (wanted && !prefetch) pending = this.#follow(page, pageNumber, guard, stop.signal);
      }
    } finally {
      stop.abort();
      unlink();
    }
  }

  /** The page after `page`, once its link passed every check; a refused link rejects without any request. */
  async #follow(page: TPage, pageNumber: number, guard: LoopGuard, signal: AbortSignal): Promise<TPage> {
    const link = resolveNextLink(page.links?.next, pageNumber, this.#options.baseUrl) as PageLink;
    guard.check(page, pageNumber, link);
    if (link.query.after === undefined && this.#fetchPage.length < 4) {
      const why = "links.next has no `after` cursor, and fetchPage does not take the link (its 4th parameter)";
      throw nextLinkError("malformed-next", pageNumber, link.href, why);
    }
    return this.#load(link, pageNumber + 1, signal);
  }

  async #load(link: PageLink | undefined, pageNumber: number, signal: AbortSignal | undefined): Promise<TPage> {
    const { page_size, include_total_count } = this.#options;
    const cursor = link?.query.after;
    const query: PageQuery = {};
    if (cursor !== undefined) query.after = cursor;
    if (page_size !== undefined) query.page_size = page_size;
    if (include_total_count !== undefined) query.include_total_count = include_total_count;
    const page = await this.#fetchPage(cursor, signal ?? new AbortController().signal, query, link);
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
