import { createServer, type Server as HttpServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { FrameioClient } from "@frameio-sdk/client";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import { bearerCheck } from "./bearer-check.js";
import { serverForTools } from "./server.js";
import type { ToolEntry } from "./tool-entry.js";

/** Options of {@link startHttpServer}. */
export interface HttpServerOptions {
  tools: readonly ToolEntry[];
  client: FrameioClient;
  /** Every request must carry `Authorization: Bearer <secret>`. */
  secret: string;
  /** Default 127.0.0.1. */
  host?: string;
  /** 0 picks a free port. */
  port: number;
  jsonText?: boolean;
}

/** A running Streamable HTTP endpoint at `url` (`.../mcp`). */
export interface RunningHttpServer {
  url: string;
  close(): Promise<void>;
}

function refuse(res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify({ jsonrpc: "2.0", error: { code: -32001, message }, id: null }));
}

/**
 * Serves MCP over Streamable HTTP, stateless: each POST gets its own server and transport, so nothing is shared
 * between callers but the client (and its rate limits). Requests without the bearer secret get 401 before any
 * MCP processing; Host headers other than the bound address are refused (DNS rebinding).
 */
export async function startHttpServer(options: HttpServerOptions): Promise<RunningHttpServer> {
  const authorized = bearerCheck(options.secret);
  const host = options.host ?? "127.0.0.1";
  const loopback = host === "127.0.0.1" || host === "::1" || host === "localhost";
  let allowedHosts: string[] = [];
  const http: HttpServer = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (!authorized(req.headers.authorization)) {
      return refuse(res, 401, "Unauthorized: send Authorization: Bearer <secret>", {
        "www-authenticate": 'Bearer realm="frameio-mcp"',
      });
    }
    if (new URL(req.url ?? "/", "http://localhost").pathname !== "/mcp")
      return refuse(res, 404, "Not found: the endpoint is /mcp");
    const server = serverForTools(options.tools, options.client, options.jsonText);
    const transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: undefined,
      // On a loopback address only the loopback names are legitimate; on another address the secret alone guards.
      enableDnsRebindingProtection: loopback,
      allowedHosts,
    });
    res.on("close", () => {
      void transport.close();
      void server.close();
    });
    server
      .connect(transport)
      .then(() => transport.handleRequest(req, res))
      .catch((error: unknown) => {
        process.stderr.write(`frameio-mcp: HTTP request failed: ${(error as Error).message}\n`);
        if (!res.headersSent) refuse(res, 500, "Internal error");
      });
  });
  await new Promise<void>((resolve, reject) => {
    http.once("error", reject);
    http.listen(options.port, host, () => resolve());
  });
  const { port } = http.address() as AddressInfo;
  const shown = host.includes(":") ? `[${host}]` : host;
  allowedHosts = [`${shown}:${port}`, ...(loopback ? [`localhost:${port}`, `127.0.0.1:${port}`] : [])];
  return {
    url: `http://${shown}:${port}/mcp`,
    close: () =>
      new Promise<void>((resolve) => {
        http.closeAllConnections();
        http.close(() => resolve());
      }),
  };
}
