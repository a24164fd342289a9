import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { optionalInteger } from "./arg-checks.js";
import { collectedSummary, collectPages, MAX_ITEMS_LIMIT } from "./collect-pages.js";
import { operationTools } from "./generated/operation-tools.js";
import { runOperation } from "./operation-entries.js";
import { inputSchemaOf } from "./operation-schemas.js";
import type { OperationTool } from "./operation-tool.js";
import type { ToolEntry } from "./tool-entry.js";
import { errorResult, refusal, successResult } from "./tool-result.js";

// Descriptions are short on purpose: the whole compact tools/list stays under 3 kB (bench/mcp-tools-list.mjs).
const OPERATION = { type: "string", description: "SDK name, e.g. files.show (see list_operations)" } as const;

function matches(tool: OperationTool, words: string[]): boolean {
  const text = `${tool.operation} ${tool.name} ${tool.description}`.toLowerCase();
  return words.every((w) => text.includes(w));
}

/** The operation `name` names, or a refusal saying why this server does not offer it. */
function lookup(
  byKey: Map<string, OperationTool>,
  name: unknown,
  readOnly: boolean,
): { tool: OperationTool } | { refused: CallToolResult } {
  const refused = (message: string, details?: Record<string, unknown>) => ({ refused: refusal(message, details) });
  if (typeof name !== "string" || !name) return refused("operation: expected an SDK name such as files.show");
  const tool = byKey.get(name) ?? [...byKey.values()].find((t) => t.name === name);
  if (tool) return { tool };
  const known = operationTools.find((t) => t.operation === name || t.name === name);
  if (!known) return refused(`operation: unknown operation "${name}"; list_operations shows the available ones`);
  const why =
    readOnly && known.httpMethod !== "GET"
      ? `the server is read-only and ${name} is a ${known.httpMethod}`
      : "its group is not enabled";
  return refused(`operation: ${name} is not available on this server (${why})`, { operation: name });
}

/** Compact mode: three tools that reach every selected operation. */
export function compactEntries(tools: readonly OperationTool[], options: { readOnly?: boolean } = {}): ToolEntry[] {
  const byKey = new Map(tools.map((t) => [t.operation, t]));
  const readOnly = options.readOnly ?? false;
  return [
    {
      definition: {
        name: "list_operations",
        description:
          "Lists Frame.io API operations (SDK name, HTTP method, summary). Every word of `search` must match.",
        inputSchema: {
          type: "object",
          properties: { search: { type: "string", description: "e.g. 'comment create'" } },
          additionalProperties: false,
        },
        annotations: { readOnlyHint: true, openWorldHint: false },
      },
      async call(args) {
        const words = typeof args.search === "string" ? args.search.toLowerCase().split(/\s+/).filter(Boolean) : [];
        const found = tools.filter((t) => matches(t, words));
        const operations = found.map((t) => ({
          operation: t.operation,
          method: t.httpMethod,
          summary: t.annotations.title,
        }));
        const lines = operations.map((o) => `${o.operation} (${o.method}): ${o.summary}`);
        return successResult(
          { operations, count: operations.length },
          [`${operations.length} operation(s)`, ...lines].join("\n"),
        );
      },
    },
    {
      definition: {
        name: "describe_operation",
        description: "Shows one operation: description, argument JSON Schema, whether it is paginated.",
        inputSchema: {
          type: "object",
          properties: { operation: OPERATION },
          required: ["operation"],
          additionalProperties: false,
        },
        annotations: { readOnlyHint: true, openWorldHint: false },
      },
      async call(args) {
        const found = lookup(byKey, args.operation, readOnly);
        if ("refused" in found) return found.refused;
        const { operation, httpMethod, paginated, description, annotations } = found.tool;
        const inputSchema = await inputSchemaOf(operation);
        const info = { operation, method: httpMethod, paginated, description, annotations, inputSchema };
        return successResult(info, `${description}\nArguments (JSON Schema): ${JSON.stringify(inputSchema)}`);
      },
    },
    {
      definition: {
        name: "invoke_operation",
        description:
          "Calls one operation with its arguments (path, query and header parameters by name; request body as `data`).",
        inputSchema: {
          type: "object",
          properties: {
            operation: OPERATION,
            arguments: { type: "object", description: "as describe_operation shows" },
            max_items: {
              type: "integer",
              minimum: 1,
              maximum: MAX_ITEMS_LIMIT,
              description: "list operations: follow pages up to this many items",
            },
          },
          required: ["operation"],
          additionalProperties: false,
        },
        annotations: { readOnlyHint: readOnly, destructiveHint: !readOnly, openWorldHint: true },
      },
      async call(args, context) {
        const found = lookup(byKey, args.operation, readOnly);
        if ("refused" in found) return found.refused;
        const callArgs = args.arguments ?? {};
        if (typeof callArgs !== "object" || callArgs === null || Array.isArray(callArgs)) {
          return refusal("arguments: expected an object");
        }
        if (args.max_items === undefined) return runOperation(found.tool, callArgs as Record<string, unknown>, context);
        const issue = optionalInteger(args, "max_items", 1, MAX_ITEMS_LIMIT);
        if (issue) return refusal(issue);
        if (!found.tool.paginated) return refusal(`max_items: ${found.tool.operation} is not a list operation`);
        try {
          const collected = await collectPages(
            context.client,
            found.tool.operation,
            callArgs as Record<string, unknown>,
            args.max_items as number,
            context.signal,
          );
          const { pages: _pages, ...result } = collected;
          return successResult(result, collectedSummary(found.tool.operation, collected), context.jsonText);
        } catch (error) {
          return errorResult(error);
        }
      },
    },
  ];
}
