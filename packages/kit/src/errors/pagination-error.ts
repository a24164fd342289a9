import { FrameioError } from "./frameio-error.js";

/** Why a pager stopped instead of following `links.next`. */
export type PaginationFailure = "invalid-page" | "malformed-next" | "repeated-cursor";

/**
 * A list response could not be paged safely: the page has no `data` array, `links.next` carries no usable
 * `after` cursor, or the server handed back a cursor it already gave (following it would loop forever).
 */
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
