/**
 * Compact mode over stdio: list_operations searches, describe_operation shows one operation's schema,
 * invoke_operation calls through the client; a read-only server refuses writes without sending anything.
 */

import { exampleArguments, specOperations } from "@frameio-sdk/testing/spec-calls";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type CountingProxy, startCountingProxy } from "./support/counting-proxy.js";
import { connectStdio, type StdioSession, serverEnv } from "./support/mcp-process.js";

const text = (result: CallToolResult) => result.content.map((c) => (c.type === "text" ? c.text : "")).join("\n");
const argsOf = (key: string) => exampleArguments(specOperations.find((o) => o.key === key)!);

let proxy: CountingProxy;
beforeAll(async () => {
  proxy = await startCountingProxy(inject("prismUrl"));
});
afterAll(() => proxy?.close());

describe("compact mode", () => {
  let session: StdioSession;
  beforeAll(async () => {
    session = await connectStdio(["--mode", "compact"], serverEnv(proxy.url));
  });
  afterAll(() => session?.close());
  const call = async (name: string, args: Record<string, unknown>) =>
    (await session.client.callTool({ name, arguments: args })) as CallToolResult;

  it("list_operations finds operations by every word of the search term", async () => {
    const result = await call("list_operations", { search: "comment create" });
    const { operations } = result.structuredContent as { operations: { operation: string; method: string }[] };
    expect(operations.map((o) => o.operation)).toContain("comments.create");
    expect(operations.every((o) => /comment/i.test(JSON.stringify(o)) || o.operation.startsWith("comments."))).toBe(
      true,
    );
    expect(text(result)).toMatch(/comments\.create \(POST\)/);
    const all = await call("list_operations", {});
    expect((all.structuredContent as { count: number }).count).toBe(90);
  });

  it("describe_operation returns the operation's argument schema", async () => {
    const result = await call("describe_operation", { operation: "files.show" });
    const info = result.structuredContent as { operation: string; method: string; inputSchema: { required: string[] } };
    expect(info).toMatchObject({ operation: "files.show", method: "GET" });
    expect(info.inputSchema.required).toEqual(["account_id", "file_id"]);
  });

  it("invoke_operation calls the operation through the client", async () => {
    const before = proxy.requests.length;
    const result = await call("invoke_operation", {
      operation: "comments.create",
      arguments: argsOf("comments.create"),
    });
    expect(result.isError, text(result)).toBeFalsy();
    expect(text(result)).toMatch(/^comments\.create: /);
    expect(proxy.requests.slice(before)).toEqual([expect.objectContaining({ method: "POST" })]);
  });

  it("invoke_operation reports invalid arguments naming the field, before any request", async () => {
    const before = proxy.requests.length;
    const result = await call("invoke_operation", {
      operation: "files.show",
      arguments: { ...argsOf("files.show"), account_id: "" },
    });
    expect(result.isError).toBe(true);
    expect(text(result)).toMatch(/account_id/);
    expect(proxy.requests.length).toBe(before);
  });

  it("invoke_operation with max_items follows a list operation's pages and says more remain", async () => {
    const result = await call("invoke_operation", {
      operation: "projects.index",
      arguments: argsOf("projects.index"),
      max_items: 3,
    });
    expect(result.isError, text(result)).toBeFalsy();
    expect(result.structuredContent).toMatchObject({ count: 3, more: true });
    expect((result.structuredContent as { items: unknown[] }).items).toHaveLength(3);
  });

  it("invoke_operation refuses max_items for an operation that is not a list, before any request", async () => {
    const before = proxy.requests.length;
    const result = await call("invoke_operation", {
      operation: "files.show",
      arguments: argsOf("files.show"),
      max_items: 5,
    });
    expect(result.isError).toBe(true);
    expect(text(result)).toMatch(/^max_items: files\.show is not a list operation/);
    expect(proxy.requests.length).toBe(before);
  });

  it("an unknown operation is a tool error that points to list_operations", async () => {
    const result = await call("invoke_operation", { operation: "files.nope", arguments: {} });
    expect(result.isError).toBe(true);
    expect(text(result)).toMatch(/unknown operation "files\.nope".*list_operations/);
  });
});

describe("compact and read-only", () => {
  let session: StdioSession;
  beforeAll(async () => {
    session = await connectStdio(["--mode", "compact", "--read-only"], serverEnv(proxy.url));
  });
  afterAll(() => session?.close());
  const call = async (name: string, args: Record<string, unknown>) =>
    (await session.client.callTool({ name, arguments: args })) as CallToolResult;

  it("lists only GET operations", async () => {
    const result = await call("list_operations", {});
    const { operations } = result.structuredContent as { operations: { method: string }[] };
    expect(operations.length).toBe(specOperations.filter((o) => o.httpMethod === "GET").length);
    expect(operations.every((o) => o.method === "GET")).toBe(true);
  });

  it.each(["files.delete", "comments.create", "projects.update"])(
    "refuses to invoke %s, sending nothing",
    async (key) => {
      const before = proxy.requests.length;
      const result = await call("invoke_operation", { operation: key, arguments: argsOf(key) });
      expect(result.isError).toBe(true);
      expect(text(result)).toMatch(/not available on this server \(the server is read-only/);
      expect(proxy.requests.length).toBe(before);
    },
  );

  it("still invokes reads", async () => {
    const result = await call("invoke_operation", { operation: "files.show", arguments: argsOf("files.show") });
    expect(result.isError, text(result)).toBeFalsy();
  });
});
