/**
 * upload_file and download_file over stdio, moving a real local file through a local upload target (pre-signed
 * part URLs and the Frame.io file endpoints an upload uses), with MCP progress notifications.
 */
import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeSampleFile } from "@frameio-sdk/testing/sample-file";
import { startUploadTarget, type UploadTarget } from "@frameio-sdk/testing/upload-target";
import type { CallToolResult, Progress } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectStdio, type StdioSession, serverEnv } from "./support/mcp-process.js";

const ACCOUNT = "a1b2c3d4-1111-4222-8333-444455556666";
const FOLDER = "f0e1d2c3-1111-4222-8333-444455556666";
const SIZE = 5 * 1024 * 1024 + 123;
const sha256 = async (path: string) =>
  createHash("sha256")
    .update(await readFile(path))
    .digest("hex");
const text = (result: CallToolResult) => result.content.map((c) => (c.type === "text" ? c.text : "")).join("\n");

let target: UploadTarget;
let session: StdioSession;
let dir: string;

beforeAll(async () => {
  target = await startUploadTarget({ partSize: 1024 * 1024, folders: [FOLDER] });
  dir = await mkdtemp(join(tmpdir(), "frameio-mcp-"));
  session = await connectStdio(["--groups", "files", "--file-root", dir], serverEnv(target.origin));
});
afterAll(async () => {
  await session?.close();
  await target?.close();
  await rm(dir, { recursive: true, force: true });
});

/**
 * Calls a tool with a progressToken and returns the progress notifications as the server sent them (recorded at
 * the transport: the SDK client hands notifications to `onprogress` a microtask late, so one that arrives in the
 * same read as the result never reaches it, and how many do depends on how the pipe is read).
 */
async function callWithProgress(name: string, args: Record<string, unknown>) {
  const from = session.messages.length;
  // onprogress makes the client send a progressToken.
  const result = (await session.client.callTool({ name, arguments: args }, undefined, {
    onprogress: () => {},
  })) as CallToolResult;
  const sent = session.messages.slice(from);
  const resultAt = sent.findIndex((m) => m.method === undefined);
  const progress = sent
    .slice(0, resultAt === -1 ? undefined : resultAt)
    .filter((m) => m.method === "notifications/progress")
    .map((m) => m.params as unknown as Progress);
  return { result, progress };
}

describe("upload_file", () => {
  let fileId: string;

  it("uploads every byte of a local file, reporting increasing progress up to the file size", async () => {
    await writeSampleFile(join(dir, "clip.mp4"), SIZE);
    const { result, progress } = await callWithProgress("upload_file", {
      account_id: ACCOUNT,
      folder_id: FOLDER,
      path: "clip.mp4",
    });
    expect(result.isError, text(result)).toBeFalsy();
    const { file, bytes } = result.structuredContent as { file: { id: string; name: string }; bytes: number };
    expect(bytes).toBe(SIZE);
    expect(file.name).toBe("clip.mp4");
    expect(JSON.stringify(result)).not.toContain("X-Amz-Signature");
    fileId = file.id;
    expect(await target.assembledSha256(file.id)).toBe(await sha256(join(dir, "clip.mp4")));
    expect(target.problems).toEqual([]);
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.at(-1)).toMatchObject({ progress: SIZE, total: SIZE });
    for (let i = 1; i < progress.length; i++) expect(progress[i]!.progress).toBeGreaterThan(progress[i - 1]!.progress);
  });

  it("downloads it back, and refuses to replace an existing file", async () => {
    const { result, progress } = await callWithProgress("download_file", {
      account_id: ACCOUNT,
      file_id: fileId,
      path: "copy.mp4",
    });
    expect(result.isError, text(result)).toBeFalsy();
    expect(result.structuredContent).toMatchObject({ bytes: SIZE });
    expect(await sha256(join(dir, "copy.mp4"))).toBe(await sha256(join(dir, "clip.mp4")));
    expect(progress.at(-1)?.progress).toBe(SIZE);
    const again = (await session.client.callTool({
      name: "download_file",
      arguments: { account_id: ACCOUNT, file_id: fileId, path: "copy.mp4" },
    })) as CallToolResult;
    expect(again.isError).toBe(true);
    expect(text(again)).toMatch(/^path: a file exists/);
  });

  it("stays inside --file-root", async () => {
    await writeFile(join(tmpdir(), "frameio-mcp-outside.txt"), "x");
    const before = target.attempts.length;
    const result = (await session.client.callTool({
      name: "upload_file",
      arguments: { account_id: ACCOUNT, folder_id: FOLDER, path: "../frameio-mcp-outside.txt" },
    })) as CallToolResult;
    expect(result.isError).toBe(true);
    expect(text(result)).toMatch(/^path: outside/);
    expect(target.attempts.length).toBe(before);
  });

  it("names a missing argument, before any request", async () => {
    const uploads = target.uploads.size;
    const result = (await session.client.callTool({
      name: "upload_file",
      arguments: { account_id: ACCOUNT, path: "clip.mp4" },
    })) as CallToolResult;
    expect(result.isError).toBe(true);
    expect(text(result)).toMatch(/^folder_id: /);
    expect(target.uploads.size).toBe(uploads);
  });
});
