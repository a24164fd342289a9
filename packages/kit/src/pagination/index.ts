export { Pager } from "./pager.js";
export { paginate } from "./paginate.js";
export { cursorFromNext } from "./cursor.js";
export type { FetchPage, Page, PageItem, PageQuery } from "./page.js";
export type { PagerOptions } from "./options.js";
