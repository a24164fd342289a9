import { FrameioError } from "./frameio-error.js";

/**
 * Why a pager stopped instead of following `links.next`:
 * - `invalid-page`: the page has no `data` array.
 * - `malformed-next`: `links.next` is not a URL, or has no `after` cursor for a `fetchPage` that needs one.
 * - `foreign-origin`: `links.next` points to another origin; following it would send the caller's credentials
 *   to that host.
 * - `repeated-cursor`: the server handed back a link it already gave (following it would loop forever).
 * - `empty-pages`: too many empty pages in a row, each with a fresh link (`MAX_EMPTY_PAGES_IN_A_ROW`).
 */
export type PaginationFailure =
  | "invalid-page"
  | "malformed-next"
  | "foreign-origin"
  | "repeated-cursor"
  | "empty-pages";

/** A list response could not be paged safely; `reason` says which check failed. */
export class FrameioPaginationError extends FrameioError {
  override name = "FrameioPaginationError";
  readonly reason: PaginationFailure;
  /** 1-based number of the page whose envelope was refused. */
  readonly page: number;
  /** The offending `links.next` value, shortened; cursors are opaque, not secret. */
  readonly next: string | undefined;

  constructor(init: { reason: PaginationFailure; page: number; message: string; next?: string }) {
    super(`Paging stopped at page ${init.page}: ${init.message}`);
    this.reason = init.reason;
    this.page = init.page;
    this.next = init.next === undefined ? undefined : shorten(init.next);
  }
}

function shorten(value: string): string {
  return value.length > 200 ? `${value.slice(0, 200)}…` : value;
}
