// Type-checked, not run: the installed .d.ts of @frameio-sdk/schemas and @frameio-sdk/mcp resolve for a consumer.
import { createFrameioMcpServer } from "@frameio-sdk/mcp";
import * as schemas from "@frameio-sdk/schemas";

export const exportCount: number = Object.keys(schemas).length;
export const create: typeof createFrameioMcpServer = createFrameioMcpServer;
