/**
 * What one call checks, and for a list's pages, how its traffic is handled: the first page's request is observed
 * (its query is repeated on later pages), a later page is sent with a query string built already.
 */
export interface Plan {
  args: boolean;
  response: boolean;
  observe?: (request: Request) => void;
  search?: string;
}

/** An operation's call: arguments and (with `validateResponses`) the success body are checked. */
export const OPERATION: Plan = { args: true, response: true };
/** A later page of a list: its arguments were checked with the first page; its body is checked like the first's. */
export const NEXT_PAGE: Plan = { args: false, response: true };
/** `client.request`: no schema to check against. */
export const UNCHECKED: Plan = { args: false, response: false };
