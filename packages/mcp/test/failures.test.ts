/**
 * API failures and cancellation through the built bin, against a scripted fault server: an API error becomes a tool
 * error with the status and the API's errors (no token in it), and a request the MCP client cancels stops the HTTP
 * request the server had in flight.
 */
import { type FaultServer, startFaultServer } from "@frameio-sdk/testing/fault-server";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectStdio, type StdioSession, serverEnv, TOKEN } from "./support/mcp-process.js";

const ACCOUNT = "a1b2c3d4-1111-4222-8333-444455556666";
const FILE = "b2c3d4e5-1111-4222-8333-444455556666";
const SHOW = `/v4/accounts/${ACCOUNT}/files/${FILE}`;
const text = (result: CallToolResult) => result.content.map((c) => (c.type === "text" ? c.text : "")).join("\n");

let faults: FaultServer;
let session: StdioSession;
beforeAll(async () => {
  faults = await startFaultServer();
  session = await connectStdio(["--groups", "files"], serverEnv(faults.url));
});
afterAll(async () => {
  await session?.close();
  await faults?.close();
});

describe("API failures", () => {
  it("a 404 is a tool error with the status and the API's errors, and no token", async () => {
    faults.script(SHOW, [{ status: 404, body: { errors: [{ title: "Not Found", detail: "No such file" }] } }]);
    const result = (await session.client.callTool({
      name: "files_show",
      arguments: { account_id: ACCOUNT, file_id: FILE },
    })) as CallToolResult;
    expect(result.isError).toBe(true);
    expect(text(result)).toMatch(/404/);
    expect(result.structuredContent).toMatchObject({
      error: { type: "NotFoundError", status: 404, errors: [{ title: "Not Found", detail: "No such file" }] },
    });
    expect(faults.requestsTo(SHOW).at(-1)?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(JSON.stringify(result)).not.toContain(TOKEN);
    expect(session.stderr()).not.toContain(TOKEN);
  });
});

describe("cancellation", () => {
  it("cancelling the tool call aborts the API request in flight", async () => {
    faults.script(SHOW, [{ kind: "hang" }]);
    const controller = new AbortController();
    const call = session.client.callTool(
      { name: "files_show", arguments: { account_id: ACCOUNT, file_id: FILE } },
      undefined,
      {
        signal: controller.signal,
      },
    );
    const before = faults.requestsTo(SHOW).length;
    await waitFor(() => faults.requestsTo(SHOW).length > before);
    controller.abort();
    await expect(call).rejects.toThrow();
    const request = faults.requestsTo(SHOW).at(-1)!;
    await waitFor(() => !request.connectionOpen());
    expect(request.connectionOpen()).toBe(false);
  });
});

/** Polls until `predicate` holds; the test's own timeout bounds it. */
async function waitFor(predicate: () => boolean): Promise<void> {
  while (!predicate()) await new Promise((resolve) => setTimeout(resolve, 20));
}
