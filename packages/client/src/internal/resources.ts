import { paginate, type PagerOptions } from "@frameio-sdk/kit";
import { operationTable } from "../generated/operations.js";
import type { RequestOptions } from "../operation-types.js";
import type { ClientContext } from "./context.js";
import { send } from "./send.js";

type Method = (args?: Record<string, unknown>, options?: RequestOptions & PagerOptions) => unknown;
export type Groups = Record<string, Record<string, Method>>;

// `signal` too: the pager combines it with its own stop signal and hands the result to every page request.
const PAGER_KEYS = ["maxItems", "maxPages", "prefetch", "signal"] as const;

function pagerOptions(options: (RequestOptions & PagerOptions) | undefined): PagerOptions | undefined {
  if (!options) return undefined;
  const out: PagerOptions = {};
  for (const k of PAGER_KEYS) if (options[k] !== undefined) (out as Record<string, unknown>)[k] = options[k];
  return out;
}

/** Builds `client.<group>.<method>` from the generated table; `raw` builds the `withRawResponse` twins. */
export function buildGroups(ctx: ClientContext, raw: boolean): Groups {
  const groups: Groups = {};
  for (const [key, spec] of Object.entries(operationTable)) {
    const dot = key.indexOf(".");
    const group = (groups[key.slice(0, dot)] ??= {});
    const call = (args: Record<string, unknown> | undefined, options: RequestOptions | undefined) =>
      send(ctx, key, spec, args, options, raw);
    group[key.slice(dot + 1)] =
      spec.pg && !raw
        ? (args, options) =>
            paginate(
              // page_size and friends travel in `args` already; only the cursor changes from page to page.
              (cursor, signal) => call(cursor === undefined ? args : { ...args, after: cursor }, { ...options, signal }) as never,
              pagerOptions(options),
            )
        : call;
  }
  return groups;
}
