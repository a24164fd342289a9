import type { FrameioClient } from "@frameio-sdk/client";
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { CallToolRequestSchema, ErrorCode, ListToolsRequestSchema, McpError } from "@modelcontextprotocol/sdk/types.js";
import { version } from "../package.json";
import type { ToolContext, ToolEntry } from "./tool-entry.js";
import { errorResult } from "./tool-result.js";
import { buildToolSet, type ToolSetOptions } from "./tool-set.js";

/** Options of {@link createFrameioMcpServer}. */
export interface FrameioMcpServerOptions extends ToolSetOptions {
  /** Every tool call goes through this client (validation, auth, retries, rate limits, typed errors). */
  client: FrameioClient;
  /** Also put the full JSON result in each result's text, for MCP clients that ignore structuredContent. */
  jsonText?: boolean;
}

/** An MCP server over a fixed tool list; cheap, so the HTTP transport makes one per request. */
export function serverForTools(tools: readonly ToolEntry[], client: FrameioClient, jsonText = false): Server {
  const server = new Server({ name: "frameio", title: "Frame.io", version }, { capabilities: { tools: {} } });
  const byName = new Map(tools.map((t) => [t.definition.name, t]));
  const definitions = tools.map((t) => t.definition);
  server.setRequestHandler(ListToolsRequestSchema, () => ({ tools: definitions }));
  server.setRequestHandler(CallToolRequestSchema, async (request, extra) => {
    const entry = byName.get(request.params.name);
    if (!entry) throw new McpError(ErrorCode.InvalidParams, `Unknown tool: ${request.params.name}`);
    const token = request.params._meta?.progressToken;
    const context: ToolContext = {
      client,
      signal: extra.signal,
      jsonText,
      async progress(progress, total, message) {
        if (token === undefined) return;
        await extra.sendNotification({
          method: "notifications/progress",
          params: { progressToken: token, progress, total, message },
        });
      },
    };
    try {
      return await entry.call(request.params.arguments ?? {}, context);
    } catch (error) {
      return errorResult(error);
    }
  });
  return server;
}

/** Creates the Frame.io MCP server (not yet connected to a transport). */
export async function createFrameioMcpServer(options: FrameioMcpServerOptions): Promise<Server> {
  return serverForTools(await buildToolSet(options), options.client, options.jsonText);
}
