import { firstIssue, optionalInteger } from "./arg-checks.js";
import { pagerOf } from "./operation-call.js";
import type { OperationTool } from "./operation-tool.js";
import type { ToolEntry } from "./tool-entry.js";
import { errorResult, refusal, successResult } from "./tool-result.js";

const DEFAULT_MAX = 200;
const LIMIT = 10_000;

/** `list_all`: follows a paginated operation's pages up to `max_items`, and says whether more remain. */
export function listAllEntry(paginated: readonly OperationTool[]): ToolEntry {
  const byKey = new Map(paginated.map((t) => [t.operation, t]));
  return {
    definition: {
      name: "list_all",
      title: "List across pages",
      description: `Calls a paginated operation and follows links.next until max_items items (default ${DEFAULT_MAX}) or the last page. Returns items, count and more (true when items remain).`,
      inputSchema: {
        type: "object",
        properties: {
          operation: { type: "string", enum: [...byKey.keys()], description: "SDK name of a paginated operation" },
          arguments: { type: "object", description: "The operation's arguments, as its own tool takes them" },
          max_items: {
            type: "integer",
            minimum: 1,
            maximum: LIMIT,
            description: `Stop after this many items (default ${DEFAULT_MAX})`,
          },
        },
        required: ["operation"],
        additionalProperties: false,
      },
      annotations: {
        title: "List across pages",
        readOnlyHint: true,
        destructiveHint: false,
        idempotentHint: true,
        openWorldHint: true,
      },
    },
    async call(args, context) {
      const tool = typeof args.operation === "string" ? byKey.get(args.operation) : undefined;
      if (!tool) return refusal(`operation: expected one of ${[...byKey.keys()].join(", ")}`);
      const callArgs = args.arguments ?? {};
      if (typeof callArgs !== "object" || callArgs === null || Array.isArray(callArgs))
        return refusal("arguments: expected an object");
      const issue = firstIssue(optionalInteger(args, "max_items", 1, LIMIT));
      if (issue) return refusal(issue);
      const max = (args.max_items as number | undefined) ?? DEFAULT_MAX;
      const items: unknown[] = [];
      let more = false;
      let pages = 0;
      try {
        for await (const page of pagerOf(
          context.client,
          tool.operation,
          callArgs as Record<string, unknown>,
          context.signal,
        ).pages()) {
          pages++;
          const room = max - items.length;
          items.push(...page.data.slice(0, room));
          const next = (page as { links?: { next?: unknown } }).links?.next;
          if (page.data.length > room || (items.length >= max && typeof next === "string")) {
            more = true;
            break;
          }
          if (items.length >= max) break;
        }
      } catch (error) {
        return errorResult(error);
      }
      const summary = `list_all ${tool.operation}: ${items.length} item(s) from ${pages} page(s); ${more ? `more remain (raise max_items, up to ${LIMIT})` : "that is all"}.`;
      return successResult({ items, count: items.length, more }, summary, context.jsonText);
    },
  };
}
