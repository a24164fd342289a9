/**
 * The envelope every Frame.io list endpoint returns: items in `data`, a relative `links.next` (with `?after=…`)
 * while more pages exist, and `total_count` when `include_total_count=true` was asked for.
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
  /** The opaque cursor from the previous page's `links.next`; absent for the first page. */
  after?: string;
  page_size?: number;
  include_total_count?: boolean;
}

/**
 * Fetches one page. `cursor` is the `after` value parsed from the previous page's `links.next` (undefined for the
 * first page); `query` carries the same cursor plus the pager's `page_size` / `include_total_count`, which Frame.io
 * does not repeat in `links.next`. Pass `signal` on to fetch so that leaving a loop early cancels a prefetch.
 */
export type FetchPage<TPage extends Page> = (
  cursor: string | undefined,
  signal: AbortSignal,
  query: PageQuery,
) => Promise<TPage>;
