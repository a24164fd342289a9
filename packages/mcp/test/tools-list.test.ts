/**
 * What an MCP host sees from `tools/list` of the built bin over stdio: one tool per spec operation in full mode
 * (plus the task tools), three in compact mode, only reading tools when read-only, a group filter, and input
 * schemas a strict JSON Schema 2020-12 validator compiles.
 */

import { specOperations } from "@frameio-sdk/testing/spec-calls";
import type { Tool } from "@modelcontextprotocol/sdk/types.js";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connectStdio, type StdioSession, serverEnv } from "./support/mcp-process.js";

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
const TASK_TOOLS = ["download_file", "list_all", "upload_file"];
const toolName = (key: string) =>
  key
    .split(".")
    .map((s) => s.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase())
    .join("_");

async function listTools(args: string[]): Promise<{ tools: Tool[]; bytes: number }> {
  const session = await connectStdio(args, serverEnv(inject("prismUrl")));
  try {
    const { tools } = await session.client.listTools();
    return { tools, bytes: Buffer.byteLength(JSON.stringify({ tools })) };
  } finally {
    await session.close();
  }
}

describe("full mode", () => {
  let tools: Tool[];
  beforeAll(async () => {
    ({ tools } = await listTools([]));
  });

  it("lists one tool per spec operation, named from its SDK name, plus the task tools", () => {
    const expected = specOperations.map((o) => toolName(o.key));
    expect(specOperations).toHaveLength(90);
    expect(tools.map((t) => t.name).sort()).toEqual([...expected, ...TASK_TOOLS].sort());
    expect(tools).toHaveLength(93);
    expect(tools.find((t) => t.name === "files_show")?.description).toMatch(
      /Show a file.*Rate limit: 10 calls per second/s,
    );
  });

  it("annotates reads, deletes and idempotent methods from the HTTP method", () => {
    for (const o of specOperations) {
      const tool = tools.find((t) => t.name === toolName(o.key))!;
      expect(tool.annotations, o.key).toMatchObject({
        readOnlyHint: o.httpMethod === "GET",
        destructiveHint: o.httpMethod === "DELETE",
        idempotentHint: ["GET", "PUT", "DELETE"].includes(o.httpMethod),
      });
    }
  });

  it("gives every tool an inputSchema that compiles in Ajv 2020 strict mode", () => {
    const ajv = addFormats(new Ajv2020({ strict: true }));
    for (const tool of tools) {
      expect(() => ajv.compile(tool.inputSchema), tool.name).not.toThrow();
    }
  });

  it("declares required path parameters and the request body in the input schema", () => {
    const create = tools.find((t) => t.name === "comments_create")!;
    expect(create.inputSchema.required).toEqual(expect.arrayContaining(["account_id", "file_id", "data"]));
    expect(create.inputSchema.additionalProperties).toBe(false);
  });
});

describe("tool selection", () => {
  it("compact mode lists three tools in under 3 kB", async () => {
    const { tools, bytes } = await listTools(["--mode", "compact"]);
    expect(tools.map((t) => t.name)).toEqual(["list_operations", "describe_operation", "invoke_operation"]);
    expect(bytes).toBeLessThan(3000);
    const ajv = addFormats(new Ajv2020({ strict: true }));
    for (const tool of tools) expect(() => ajv.compile(tool.inputSchema), tool.name).not.toThrow();
  });

  it("a read-only server lists GET operations and no tool that writes to Frame.io", async () => {
    const { tools } = await listTools(["--read-only"]);
    const gets = specOperations.filter((o) => o.httpMethod === "GET").map((o) => toolName(o.key));
    expect(tools.map((t) => t.name).sort()).toEqual([...gets, "download_file", "list_all"].sort());
    expect(tools.some((t) => t.annotations?.destructiveHint)).toBe(false);
  });

  it("--groups limits the tools to those groups", async () => {
    const { tools } = await listTools(["--groups", "files,comments"]);
    const wanted = specOperations.filter((o) => /^(files|comments)\./.test(o.key)).map((o) => toolName(o.key));
    expect(tools.map((t) => t.name).sort()).toEqual([...wanted, ...TASK_TOOLS].sort());
  });

  it("--output-schemas adds output schemas that compile", async () => {
    const { tools } = await listTools(["--output-schemas", "--groups", "files"]);
    const show = tools.find((t) => t.name === "files_show")!;
    expect(show.outputSchema?.type).toBe("object");
    const ajv = addFormats(new Ajv2020({ strict: true }));
    for (const tool of tools)
      if (tool.outputSchema) expect(() => ajv.compile(tool.outputSchema!), tool.name).not.toThrow();
  });
});

describe("logs", () => {
  let session: StdioSession;
  beforeAll(async () => {
    session = await connectStdio(["--mode", "compact"], serverEnv(inject("prismUrl")));
  });
  afterAll(() => session.close());

  it("go to stderr, and never show the token", async () => {
    await session.client.listTools();
    expect(session.stderr()).toMatch(/3 tools \(compact\) on stdio/);
    expect(session.stderr()).not.toContain("test-token");
  });
});
