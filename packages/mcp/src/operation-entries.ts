import { callOperation } from "./operation-call.js";
import { inputSchemaOf, outputSchemaOf } from "./operation-schemas.js";
import type { OperationTool } from "./operation-tool.js";
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

/** Full mode: one tool per operation; with `outputSchemas`, each declares its success body's schema. */
export async function operationEntries(tools: readonly OperationTool[], outputSchemas = false): Promise<ToolEntry[]> {
  return Promise.all(
    tools.map(async (tool): Promise<ToolEntry> => {
      const outputSchema = outputSchemas ? await outputSchemaOf(tool.operation) : undefined;
      return {
        definition: {
          name: tool.name,
          title: tool.annotations.title,
          description: tool.description,
          inputSchema: await inputSchemaOf(tool.operation),
          ...(outputSchema ? { outputSchema } : {}),
          annotations: tool.annotations,
        },
        call: (args, context) => runOperation(tool, args, context),
      };
    }),
  );
}
