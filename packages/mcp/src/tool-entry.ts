import type { FrameioClient } from "@frameio-sdk/client";
import type { CallToolResult, Tool } from "@modelcontextprotocol/sdk/types.js";

/** What a tool call gets besides its arguments. */
export interface ToolContext {
  client: FrameioClient;
  /** Aborted when the MCP client cancels the request or disconnects. */
  signal: AbortSignal;
  /** Sends `notifications/progress` when the caller asked for it (a progressToken); otherwise does nothing. */
  progress(progress: number, total?: number, message?: string): Promise<void>;
  /** Also put the full JSON result in the text content, for clients that ignore structuredContent. */
  jsonText: boolean;
}

/** One tool: its `tools/list` entry and its handler. Handlers report failures as results, never by throwing. */
export interface ToolEntry {
  definition: Tool;
  call(args: Record<string, unknown>, context: ToolContext): Promise<CallToolResult>;
}
