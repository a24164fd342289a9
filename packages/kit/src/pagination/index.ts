export { cursorFromNext } from "./cursor.js";
export { MAX_EMPTY_PAGES_IN_A_ROW } from "./loop-guard.js";
export type { PagerOptions } from "./options.js";
export type { FetchPage, Page, PageItem, PageLink, PageQuery } from "./page.js";
export { Pager } from "./pager.js";
export { paginate } from "./paginate.js";
