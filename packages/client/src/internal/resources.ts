import { paginate, type PagerOptions } from "@frameio-sdk/kit";
import { operationIndex } from "../generated/operation-index.js";
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

/**
 * Builds `client.<group>.<method>` from the generated index of method names; `raw` builds the `withRawResponse`
 * twins. A method's row (path, parameters) is looked up when it is called: rows load per group (operation-rows.ts).
 */
export function buildGroups(ctx: ClientContext, raw: boolean): Groups {
  const groups: Groups = {};
  for (const [name, [methods]] of Object.entries(operationIndex)) {
    const group: Record<string, Method> = (groups[name] = {});
    for (const entry of methods.split(",")) {
      // A list operation must hand back its Pager synchronously, before its row has loaded: the index marks it.
      const paginated = entry.endsWith("*");
      const method = paginated ? entry.slice(0, -1) : entry;
      const key = `${name}.${method}`;
      const call = (args: Record<string, unknown> | undefined, options: RequestOptions | undefined) => send(ctx, key, args, options, raw);
      group[method] =
        paginated && !raw
          ? (args, options) =>
              paginate(
                // page_size and friends travel in `args` already; only the cursor changes from page to page.
                (cursor, signal) => call(cursor === undefined ? args : { ...args, after: cursor }, { ...options, signal }) as never,
                pagerOptions(options),
              )
          : call;
    }
  }
  return groups;
}
