import type { FrameioClient } from "@frameio-sdk/client";
import { pagerOf } from "./operation-call.js";

/** Most items one call collects, so one request cannot make the server hold an unbounded list. */
export const MAX_ITEMS_LIMIT = 10_000;
export const DEFAULT_MAX_ITEMS = 200;

/** Items gathered across pages, and whether the list goes on past them. */
export interface CollectedItems {
  items: unknown[];
  count: number;
  more: boolean;
  pages: number;
}

/** Follows a paginated operation's pages (links.next) until `max` items or the last page. */
export async function collectPages(
  client: FrameioClient,
  operation: string,
  args: Record<string, unknown>,
  max: number,
  signal: AbortSignal,
): Promise<CollectedItems> {
  const items: unknown[] = [];
  let more = false;
  let pages = 0;
  for await (const page of pagerOf(client, operation, args, signal).pages()) {
    pages++;
    const room = max - items.length;
    items.push(...page.data.slice(0, room));
    const next = (page as { links?: { next?: unknown } }).links?.next;
    // Full: more remain if this page had items left over, or it links to another page.
    if (items.length >= max) {
      more = page.data.length > room || typeof next === "string";
      break;
    }
  }
  return { items, count: items.length, more, pages };
}

/** The one-line summary of a collection. */
export function collectedSummary(operation: string, { count, pages, more }: CollectedItems): string {
  const rest = more ? `more remain (raise max_items, up to ${MAX_ITEMS_LIMIT})` : "that is all";
  return `${operation}: ${count} item(s) from ${pages} page(s); ${rest}.`;
}
