/**
 * The Streamable HTTP transport of the built bin: refused without the bearer secret (or with a wrong one), served
 * with it, through the MCP SDK's own HTTP client.
 */

import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeSampleFile } from "@frameio-sdk/testing/sample-file";
import { exampleArguments, specOperations } from "@frameio-sdk/testing/spec-calls";
import { startUploadTarget } from "@frameio-sdk/testing/upload-target";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { CallToolResult, JSONRPCMessage } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { runBin, serverEnv, startHttpBin } from "./support/mcp-process.js";

const SECRET = "operator-chosen-secret-7d1f0c2b";
const INITIALIZE = {
  jsonrpc: "2.0",
  id: 1,
  method: "initialize",
  params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "probe", version: "0" } },
};

let server: { url: string; stop(): Promise<void> };
beforeAll(async () => {
  server = await startHttpBin(["--read-only"], serverEnv(inject("prismUrl"), { FRAMEIO_MCP_HTTP_SECRET: SECRET }));
});
afterAll(() => server?.stop());

const post = (headers: Record<string, string>) =>
  fetch(server.url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json, text/event-stream", ...headers },
    body: JSON.stringify(INITIALIZE),
  });

describe("HTTP transport", () => {
  it("listens on the loopback address", () => {
    expect(new URL(server.url).hostname).toBe("127.0.0.1");
  });

  it.each([
    ["no Authorization header", {}],
    ["a wrong secret", { authorization: "Bearer not-the-secret-at-all" }],
    ["the secret as another scheme", { authorization: `Basic ${SECRET}` }],
  ])("refuses a request with %s (401)", async (_title, headers) => {
    const response = await post(headers);
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(await response.text()).not.toContain(SECRET);
  });

  it("serves an MCP client that sends the secret", async () => {
    const client = new Client({ name: "http-test", version: "0.0.0" });
    const transport = new StreamableHTTPClientTransport(new URL(server.url), {
      requestInit: { headers: { authorization: `Bearer ${SECRET}` } },
    });
    await client.connect(transport);
    try {
      const { tools } = await client.listTools();
      // Read-only, and without --file-root no local file tools over HTTP: the GET operations and list_all.
      expect(tools.map((t) => t.name)).not.toContain("download_file");
      expect(tools.length).toBe(specOperations.filter((o) => o.httpMethod === "GET").length + 1);
      const show = specOperations.find((o) => o.key === "files.show")!;
      const result = (await client.callTool({
        name: "files_show",
        arguments: exampleArguments(show),
      })) as CallToolResult;
      expect(result.isError).toBeFalsy();
      expect(result.structuredContent).toHaveProperty("data");
    } finally {
      await client.close();
    }
  });
});

describe("HTTP transport and progress", () => {
  it("upload_file sends its progress notifications on the request's stream, before the result", async () => {
    const folder = "f0e1d2c3-1111-4222-8333-444455556666";
    const target = await startUploadTarget({ partSize: 512 * 1024, folders: [folder] });
    const dir = await mkdtemp(join(tmpdir(), "frameio-mcp-http-"));
    const size = 2 * 1024 * 1024 + 7;
    await writeSampleFile(join(dir, "take.mov"), size);
    const upload = await startHttpBin(
      ["--groups", "files", "--file-root", dir],
      serverEnv(target.origin, { FRAMEIO_MCP_HTTP_SECRET: SECRET }),
    );
    const client = new Client({ name: "http-progress", version: "0.0.0" });
    const transport = new StreamableHTTPClientTransport(new URL(upload.url), {
      requestInit: { headers: { authorization: `Bearer ${SECRET}` } },
    });
    try {
      await client.connect(transport);
      const messages: JSONRPCMessage[] = [];
      const dispatch = transport.onmessage;
      transport.onmessage = (message: JSONRPCMessage) => {
        messages.push(message);
        dispatch?.(message);
      };
      const result = (await client.callTool(
        { name: "upload_file", arguments: { account_id: folder, folder_id: folder, path: "take.mov" } },
        undefined,
        { onprogress: () => {} },
      )) as CallToolResult;
      expect(result.isError).toBeFalsy();
      const resultAt = messages.findIndex((m) => !("method" in m));
      const progress = messages
        .slice(0, resultAt)
        .filter((m) => "method" in m && m.method === "notifications/progress");
      expect(progress.length).toBeGreaterThan(1);
      expect(progress.at(-1)).toMatchObject({ params: { progress: size, total: size } });
    } finally {
      await client.close();
      await upload.stop();
      await target.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("start-up configuration", () => {
  const env = (extra: Record<string, string>) => ({ PATH: process.env.PATH ?? "", ...extra });

  it.each([
    ["no credentials", [], env({}), /no credentials: set FRAMEIO_TOKEN/],
    ["half a server-to-server credential", [], env({ FRAMEIO_CLIENT_ID: "id" }), /FRAMEIO_CLIENT_SECRET is missing/],
    [
      "a base URL that is not one",
      [],
      env({ FRAMEIO_TOKEN: "t", FRAMEIO_BASE_URL: "not a url" }),
      /FRAMEIO_BASE_URL must be an http\(s\) URL/,
    ],
    ["an unknown group", ["--groups", "files,nope"], env({ FRAMEIO_TOKEN: "t" }), /unknown group "nope"/],
    ["an unknown flag", ["--writable"], env({ FRAMEIO_TOKEN: "t" }), /--writable/],
    [
      "HTTP without a secret",
      ["--transport", "http"],
      env({ FRAMEIO_TOKEN: "t" }),
      /FRAMEIO_MCP_HTTP_SECRET must hold/,
    ],
    [
      "a secret in a missing variable",
      ["--transport", "http", "--secret-env", "MY_SECRET"],
      env({ FRAMEIO_TOKEN: "t" }),
      /MY_SECRET must hold/,
    ],
  ])("fails with one line on stderr and exit code 1: %s", async (_title, args, environment, message) => {
    const { code, stdout, stderr } = await runBin(args as string[], environment);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(message);
  });

  it("never echoes a credential in its message", async () => {
    const { code, stderr } = await runBin([], env({ FRAMEIO_TOKEN: "tok en-with-space-SECRETVALUE" }));
    expect(code).toBe(1);
    expect(stderr).toMatch(/FRAMEIO_TOKEN must be a bare token/);
    expect(stderr).not.toContain("SECRETVALUE");
  });
});
