import type { PagerOptions } from "./options.js";
import type { FetchPage, Page, PageItem } from "./page.js";
import { Pager } from "./pager.js";

/**
 * Builds a {@link Pager} from any function that fetches one page, e.g. with a raw openapi-fetch client:
 *
 * ```ts
 * const projects = paginate(async (_cursor, signal, query) => {
 *   const { data, error } = await api.GET("/v4/accounts/{account_id}/workspaces/{workspace_id}/projects", {
 *     params: { path: { account_id, workspace_id }, query },
 *     signal,
 *   });
 *   if (error) throw error;
 *   return data;
 * }, { page_size: 100, prefetch: true });
 * for await (const project of projects) console.log(project.name);
 * ```
 */
export function paginate<TPage extends Page, TItem = PageItem<TPage>>(
  fetchPage: FetchPage<TPage>,
  options?: PagerOptions,
): Pager<TPage, TItem> {
  return new Pager<TPage, TItem>(fetchPage, options);
}
