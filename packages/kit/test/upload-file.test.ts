import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sampleBytes, sha256 } from "@frameio-sdk/testing/sample-file";
import { startUploadTarget, type TargetUpload, type UploadTarget } from "@frameio-sdk/testing/upload-target";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { FrameioValidationError, NotFoundError, UploadIncompleteError } from "../src/index.js";
import { apiErrorFromResponse } from "../src/internal.js";
import * as browserPlatform from "../src/platform.browser.js";
import { openPathSource, platformPartSender } from "../src/platform.node.js";
import { type UploadProgress, type UploadStatus, uploadFile, waitForUpload } from "../src/upload/index.js";

const KiB = 1024;
let dir: string;
let target: UploadTarget | undefined;
let apiCalls: string[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "kit-upload-file-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
afterEach(async () => {
  await target?.close();
  target = undefined;
});

/** What the client does for `files.upload`: the Frame.io calls, made for real against the target's files API. */
async function api<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const url = `${target!.origin}${path}`;
  apiCalls.push(`${method} ${path}`);
  const response = await fetch(url, {
    method,
    signal,
    headers: body ? { "content-type": "application/json" } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok) throw await apiErrorFromResponse(response, { method, url });
  return ((await response.json()) as { data: T }).data;
}

function clientCalls(folderId = "folder-1") {
  return {
    createLocalUpload: (data: { name: string; file_size: number }, signal?: AbortSignal) =>
      api<TargetUpload["file"]>("POST", `/v4/accounts/acc-1/folders/${folderId}/files/local_upload`, { data }, signal),
    getUploadStatus: (fileId: string, signal?: AbortSignal) =>
      api<UploadStatus>("GET", `/v4/accounts/acc-1/files/${fileId}/status`, undefined, signal),
  };
}

async function start(partSize = 256 * KiB) {
  apiCalls = [];
  target = await startUploadTarget({ partSize });
  return target;
}

describe("uploadFile", () => {
  it("uploads a file path end to end: creates the file, sends its parts, waits for completion", async () => {
    const target = await start();
    const bytes = sampleBytes(1_000_003, 7);
    const path = join(dir, "interview.mov");
    await writeFile(path, bytes);
    const events: UploadProgress[] = [];

    const file = await uploadFile({
      source: path,
      openPath: openPathSource,
      sendPart: platformPartSender,
      onProgress: (event) => events.push(event),
      waitForUpload: { intervalMs: 1 },
      ...clientCalls(),
    });

    expect(file).toMatchObject({ name: "interview.mov", media_type: "video/quicktime", file_size: bytes.length });
    expect(apiCalls[0]).toBe("POST /v4/accounts/acc-1/folders/folder-1/files/local_upload");
    expect(apiCalls.at(-1)).toBe(`GET /v4/accounts/acc-1/files/${file.id}/status`);
    expect(target.problems).toEqual([]);
    expect(await target.assembledSha256(file.id)).toBe(sha256(bytes));
    expect(events.at(-1)).toMatchObject({ bytesSent: bytes.length, partsCompleted: 4, totalParts: 4 });
  });

  it("takes the name and bytes from a File, and a sized ReadableStream with an explicit name", async () => {
    const target = await start();
    const bytes = sampleBytes(600 * KiB, 11);
    const fromFile = await uploadFile({ source: new File([bytes], "still.png"), ...clientCalls() });
    expect(fromFile).toMatchObject({ name: "still.png", media_type: "image/png" });
    expect(await target.assembledSha256(fromFile.id)).toBe(sha256(bytes));

    const stream = new Blob([bytes]).stream();
    const fromStream = await uploadFile({ source: stream, size: bytes.length, name: "stream.mp4", ...clientCalls() });
    expect(await target.assembledSha256(fromStream.id)).toBe(sha256(bytes));
  });

  const refusals: [string, () => Promise<Parameters<typeof uploadFile>[0]>, string[]][] = [
    [
      "a missing file",
      async () => ({ source: join(dir, "nope.mp4"), openPath: openPathSource, ...clientCalls() }),
      ["source"],
    ],
    ["a directory", async () => ({ source: dir, openPath: openPathSource, ...clientCalls() }), ["source"]],
    [
      "an empty file",
      async () => {
        await writeFile(join(dir, "empty.mp4"), "");
        return { source: join(dir, "empty.mp4"), openPath: openPathSource, ...clientCalls() };
      },
      ["source"],
    ],
    [
      "a stream without size",
      async () => ({ source: new Blob(["x"]).stream(), name: "x.mp4", ...clientCalls() }),
      ["source"],
    ],
    ["bytes without a name", async () => ({ source: new Uint8Array(10), ...clientCalls() }), ["name"]],
    [
      "a 256-character name and a bad concurrency",
      async () => ({
        source: new Uint8Array(10),
        name: `${"n".repeat(252)}.mp4`,
        concurrency: 0,
        ...clientCalls(),
      }),
      ["concurrency", "name"],
    ],
    [
      "waitForUpload without getUploadStatus",
      async () => ({
        source: new Uint8Array(10),
        name: "a.mp4",
        waitForUpload: true,
        createLocalUpload: clientCalls().createLocalUpload,
      }),
      ["getUploadStatus"],
    ],
    [
      "a file path in a browser",
      async () => ({ source: "/tmp/a.mp4", openPath: browserPlatform.openPathSource, ...clientCalls() }),
      ["source"],
    ],
  ];

  it.each(refusals)("refuses %s before any request", async (_label, options, paths) => {
    const target = await start();
    const error = await uploadFile(await options()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FrameioValidationError);
    expect((error as FrameioValidationError).issues.map((i) => i.path)).toEqual(paths);
    expect(apiCalls).toEqual([]);
    expect(target.attempts).toEqual([]);
  });

  it("explains in a browser that paths need Node", async () => {
    const error = await browserPlatform.openPathSource("/tmp/a.mp4").catch((e: unknown) => e);
    expect((error as Error).message).toContain("file paths need Node; pass a Blob, Uint8Array or ReadableStream");
    expect(browserPlatform.platformPartSender).toBeUndefined();
  });

  it("fails on an unknown folder with the API's 404 and sends no part", async () => {
    const target = await start();
    const error = await uploadFile({
      source: new Uint8Array(10),
      name: "a.mp4",
      ...clientCalls("no-such-folder"),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(apiCalls).toHaveLength(1);
    expect(target.attempts).toEqual([]);
  });
});

describe("waitForUpload", () => {
  it("polls with growing pauses until upload_complete, and reports upload_failed or a timeout", async () => {
    const pauses: number[] = [];
    const sleep = async (ms: number) => void pauses.push(ms);
    const statuses = [false, false, false, true].map((upload_complete) => ({ upload_complete, upload_failed: false }));
    const done = await waitForUpload("file-1", async () => statuses.shift()!, {
      sleep,
      intervalMs: 100,
      maxIntervalMs: 200,
    });
    expect(done.upload_complete).toBe(true);
    expect(pauses).toEqual([100, 150, 200]);

    const failed = await waitForUpload("file-1", async () => ({ upload_complete: false, upload_failed: true }), {
      sleep,
    }).catch((e: unknown) => e);
    expect(failed).toMatchObject({ name: "UploadIncompleteError", reason: "upload_failed", fileId: "file-1" });

    let clock = 0;
    const timedOut = await waitForUpload("file-1", async () => ({ upload_complete: false, upload_failed: false }), {
      timeoutMs: 5_000,
      now: () => clock,
      sleep: async (ms) => {
        clock += ms;
      },
    }).catch((e: unknown) => e);
    expect(timedOut).toBeInstanceOf(UploadIncompleteError);
    expect((timedOut as UploadIncompleteError).reason).toBe("timed_out");
    expect(clock).toBeLessThanOrEqual(5_000);
  });
});
