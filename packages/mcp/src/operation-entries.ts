import { callOperation } from "./operation-call.js";
import type { JsonSchema, OperationTool } from "./operation-tool.js";
import { summarize } from "./result-summary.js";
import type { ToolContext, ToolEntry } from "./tool-entry.js";
import { errorResult, successResult } from "./tool-result.js";

/** Runs one operation for a tool call and turns the outcome into a tool result. */
export async function runOperation(tool: OperationTool, args: Record<string, unknown>, context: ToolContext) {
  try {
    const value = await callOperation(context.client, tool.operation, args, context.signal);
    return successResult(value, summarize(tool.operation, value), context.jsonText);
  } catch (error) {
    return errorResult(error);
  }
}

/** Full mode: one tool per operation, with its output schema when `outputSchemas` has one. */
export function operationEntries(
  tools: readonly OperationTool[],
  outputSchemas?: Readonly<Record<string, JsonSchema>>,
): ToolEntry[] {
  return tools.map((tool) => {
    const outputSchema = outputSchemas?.[tool.operation];
    return {
      definition: {
        name: tool.name,
        title: tool.annotations.title,
        description: tool.description,
        inputSchema: tool.inputSchema,
        ...(outputSchema ? { outputSchema: outputSchema as JsonSchema & { type: "object" } } : {}),
        annotations: tool.annotations,
      },
      call: (args, context) => runOperation(tool, args, context),
    };
  });
}
