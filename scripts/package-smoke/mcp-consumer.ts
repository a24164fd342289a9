// Type-checked, not run: the installed .d.ts of @frameio-sdk/mcp resolve for a consumer.
import { createFrameioMcpServer } from "@frameio-sdk/mcp";

export const create: typeof createFrameioMcpServer = createFrameioMcpServer;
// @ts-expect-error the server factory is a function, not a string
export const wrong: string = createFrameioMcpServer;
