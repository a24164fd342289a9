import type { PagerOptions } from "./options.js";
import type { FetchPage, Page, PageItem } from "./page.js";
import { Pager } from "./pager.js";

/**
 * Builds a {@link Pager} from any function that fetches one page, e.g. with a raw openapi-fetch client. The first
 * page is requested with the pager's `query`; every later one from the previous page's `links.next` (`link`),
 * whatever its parameters, with the same `query` values added:
 *
 * ```ts
 * const projects = paginate(async (_cursor, signal, query, link) => {
 *   const { data, error } = link
 *     ? await api.GET(link.path as never, { params: { query: { ...query, ...link.query } }, signal })
 *     : await api.GET("/v4/accounts/{account_id}/workspaces/{workspace_id}/projects", {
 *         params: { path: { account_id, workspace_id }, query },
 *         signal,
 *       });
 *   if (error) throw error;
 *   return data;
 * }, { page_size: 100, prefetch: true });
 * for await (const project of projects) console.log(project.name);
 * ```
 *
 * A function of the older form `(cursor, signal, query)`, which sends `after: cursor`, keeps working for links
 * that carry an `after` parameter (all of Frame.io's so far).
 */
export function paginate<TPage extends Page, TItem = PageItem<TPage>>(
  fetchPage: FetchPage<TPage>,
  options?: PagerOptions,
): Pager<TPage, TItem> {
  return new Pager<TPage, TItem>(fetchPage, options);
}
