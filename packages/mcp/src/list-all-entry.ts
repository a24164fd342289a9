import { firstIssue, optionalInteger } from "./arg-checks.js";
import { collectedSummary, collectPages, DEFAULT_MAX_ITEMS, MAX_ITEMS_LIMIT } from "./collect-pages.js";
import type { OperationTool } from "./operation-tool.js";
import type { ToolEntry } from "./tool-entry.js";
import { errorResult, refusal, successResult } from "./tool-result.js";

/** `list_all`: follows a paginated operation's pages up to `max_items`, and says whether more remain. */
export function listAllEntry(paginated: readonly OperationTool[]): ToolEntry {
  const byKey = new Map(paginated.map((t) => [t.operation, t]));
  return {
    definition: {
      name: "list_all",
      title: "List across pages",
      description: `Calls a paginated operation and follows links.next until max_items items (default ${DEFAULT_MAX_ITEMS}) or the last page. Returns items, count and more (true when items remain).`,
      inputSchema: {
        type: "object",
        properties: {
          operation: { type: "string", enum: [...byKey.keys()], description: "SDK name of a paginated operation" },
          arguments: { type: "object", description: "The operation's arguments, as its own tool takes them" },
          max_items: {
            type: "integer",
            minimum: 1,
            maximum: MAX_ITEMS_LIMIT,
            description: `Stop after this many items (default ${DEFAULT_MAX_ITEMS})`,
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
      if (typeof callArgs !== "object" || callArgs === null || Array.isArray(callArgs)) {
        return refusal("arguments: expected an object");
      }
      const issue = firstIssue(optionalInteger(args, "max_items", 1, MAX_ITEMS_LIMIT));
      if (issue) return refusal(issue);
      const max = (args.max_items as number | undefined) ?? DEFAULT_MAX_ITEMS;
      try {
        const collected = await collectPages(
          context.client,
          tool.operation,
          callArgs as Record<string, unknown>,
          max,
          context.signal,
        );
        const { pages: _pages, ...result } = collected;
        return successResult(result, `list_all ${collectedSummary(tool.operation, collected)}`, context.jsonText);
      } catch (error) {
        return errorResult(error);
      }
    },
  };
}
