/**
 * Every operation tool of the built bin, called over stdio with its operation's spec example arguments, against
 * Prism: Prism validates each request against the spec, so a result without isError means it accepted it. Invalid
 * arguments come back as a tool error naming the field, and a counting proxy shows that nothing was sent.
 */

import { exampleArguments, specOperations } from "@frameio-sdk/testing/spec-calls";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type CountingProxy, startCountingProxy } from "./support/counting-proxy.js";
import { connectStdio, type StdioSession, serverEnv, TOKEN } from "./support/mcp-process.js";

const toolName = (key: string) =>
  key
    .split(".")
    .map((s) => s.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase())
    .join("_");
const text = (result: CallToolResult) => result.content.map((c) => (c.type === "text" ? c.text : "")).join("\n");

let proxy: CountingProxy;
let session: StdioSession;
const seen: string[] = [];

beforeAll(async () => {
  proxy = await startCountingProxy(inject("prismUrl"));
  session = await connectStdio([], serverEnv(proxy.url));
});
afterAll(async () => {
  await session?.close();
  await proxy?.close();
});

async function call(name: string, args: Record<string, unknown>): Promise<CallToolResult> {
  const result = (await session.client.callTool({ name, arguments: args })) as CallToolResult;
  seen.push(JSON.stringify(result));
  return result;
}

describe("every operation tool against Prism", () => {
  it.each(specOperations.map((o) => [o.key, o] as const))("%s", async (key, o) => {
    const before = proxy.requests.length;
    const result = await call(toolName(key), exampleArguments(o));
    expect(result.isError, text(result)).toBeFalsy();
    expect(result.structuredContent).toBeTypeOf("object");
    expect(text(result)).toMatch(new RegExp(`^${key.replace(".", "\\.")}: `));
    if (o.paginated) expect(Array.isArray((result.structuredContent as { data?: unknown }).data)).toBe(true);
    expect(proxy.requests.length).toBeGreaterThan(before);
  });
});

describe("invalid arguments", () => {
  it("a wrong type comes back as a tool error naming the field, and nothing is sent", async () => {
    const before = proxy.requests.length;
    const args = { ...exampleArguments(specOperations.find((o) => o.key === "files.show")!), file_id: 42 };
    const result = await call("files_show", args);
    expect(result.isError).toBe(true);
    expect(text(result)).toMatch(/file_id/);
    const error = (result.structuredContent as { error: { type: string; issues: { path: string }[] } }).error;
    expect(error.type).toBe("FrameioValidationError");
    expect(error.issues.map((i) => i.path)).toContain("file_id");
    expect(proxy.requests.length).toBe(before);
  });

  it("a missing required body field is named with its path inside data", async () => {
    const before = proxy.requests.length;
    const o = specOperations.find((op) => op.key === "comments.create")!;
    const args = exampleArguments(o);
    const result = await call("comments_create", { ...args, data: {} });
    expect(result.isError).toBe(true);
    expect(text(result)).toMatch(/data\.text/);
    expect(proxy.requests.length).toBe(before);
  });

  it("list_all refuses a max_items out of range, naming it, before any request", async () => {
    const before = proxy.requests.length;
    const result = await call("list_all", { operation: "projects.index", arguments: {}, max_items: 0 });
    expect(result.isError).toBe(true);
    expect(text(result)).toMatch(/^max_items: /);
    expect(proxy.requests.length).toBe(before);
  });
});

describe("list_all", () => {
  it("follows pages up to max_items and says that more remain", async () => {
    const o = specOperations.find((op) => op.key === "projects.index")!;
    const result = await call("list_all", {
      operation: "projects.index",
      arguments: exampleArguments(o),
      max_items: 3,
    });
    expect(result.isError, text(result)).toBeFalsy();
    const { items, count, more } = result.structuredContent as { items: unknown[]; count: number; more: boolean };
    expect(items).toHaveLength(3);
    expect(count).toBe(3);
    // Prism's example page always links to a next page, so there is always more.
    expect(more).toBe(true);
    expect(text(result)).toMatch(/more remain/);
  });
});

describe("secrets", () => {
  it("the token appears in no result, error or log line", () => {
    expect(seen.length).toBeGreaterThan(90);
    for (const result of seen) expect(result).not.toContain(TOKEN);
    expect(session.stderr()).not.toContain(TOKEN);
  });
});
