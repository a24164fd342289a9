/**
 * The envelope every Frame.io list endpoint returns: items in `data`, a `links.next` while more pages exist, and
 * `total_count` when `include_total_count=true` was asked for.
 */
export interface Page<TItem = unknown> {
  data: readonly TItem[];
  links?: { next?: string | null } | null;
  total_count?: number | null;
}

/** The item type of a page type, e.g. `PageItem<ProjectsResponse>` is `Project`. */
export type PageItem<TPage extends Page> = TPage["data"][number];

/** Query values for one page request; spread it into the request's query (`{ ...query }`) to forward them all. */
export interface PageQuery {
  /** The `after` parameter of the previous page's `links.next`, when the link has one; absent for the first page. */
  after?: string;
  page_size?: number;
  include_total_count?: boolean;
}

/**
 * The previous page's `links.next`, checked and taken apart: what to request for the next page. Frame.io sends a
 * path relative to the API origin (`/v4/accounts/…/children?after=g3QAA…`); an absolute URL on the API origin is
 * accepted too, and a link to any other origin is refused before `fetchPage` is called.
 */
export interface PageLink {
  /** `links.next` exactly as the server sent it. */
  readonly href: string;
  /** The link's path, e.g. `/v4/accounts/a/folders/f/children`; request it under the API base URL. */
  readonly path: string;
  /** Every query parameter of the link, decoded (the last value wins when a name repeats). */
  readonly query: Readonly<Record<string, string>>;
  /** The link resolved against the pager's `baseUrl`: the full URL of the next page (pager options not added). */
  readonly url: string;
}

/**
 * Fetches one page. For the first page `cursor` and `link` are undefined; for every later page `link` is the
 * previous page's `links.next` (request `link.path` with `link.query`, plus the `query` values, which Frame.io does
 * not repeat in the link). `cursor` is the link's `after` parameter, kept for functions written before links
 * without `after` were followed: a function declared with fewer than four parameters is only given links that
 * carry `after` (others end paging with FrameioPaginationError rather than re-fetching the first page).
 * Pass `signal` on to fetch so that leaving a loop early cancels a prefetch.
 */
export type FetchPage<TPage extends Page> = (
  cursor: string | undefined,
  signal: AbortSignal,
  query: PageQuery,
  link?: PageLink,
) => Promise<TPage>;
