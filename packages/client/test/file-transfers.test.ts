// client.files.upload / download end to end against a loopback stand-in for Frame.io's file endpoints and S3 parts.

import { sampleBytes, sha256 } from "@frameio-sdk/testing/sample-file";
import { startUploadTarget, type UploadTarget } from "@frameio-sdk/testing/upload-target";
import { afterEach, expect, it } from "vitest";
import { FrameioClient, FrameioError, FrameioTimeoutError, FrameioValidationError } from "../src/index.js";

const ACCOUNT = "2f9b3c1e-8d4a-4e6f-9a1b-3c5d7e9f1a2b";
const FOLDER = "7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f";
let target: UploadTarget | undefined;
afterEach(async () => {
  await target?.close();
  target = undefined;
});

it("uploads every part through the client, then downloads the same bytes", async () => {
  target = await startUploadTarget({ partSize: 64 * 1024, folders: [FOLDER], assemble: true });
  const client = new FrameioClient({ baseUrl: target.origin, token: "test-token" });
  const bytes = sampleBytes(300 * 1024 + 7);
  const progress: number[] = [];
  const file = await client.files.upload({
    account_id: ACCOUNT,
    folder_id: FOLDER,
    source: bytes,
    name: "clip.mov",
    concurrency: 3,
    onProgress: ({ bytesSent }) => progress.push(bytesSent),
    waitForUpload: true,
  });
  expect(target.problems).toEqual([]);
  expect(target.attempts.filter((a) => a.outcome === "stored")).toHaveLength(file.upload_urls?.length ?? -1);
  expect(await target.assembledSha256(file.id)).toBe(sha256(bytes));
  expect(progress.at(-1)).toBe(bytes.length);

  const chunks: Uint8Array[] = [];
  const result = await client.files.download({
    account_id: ACCOUNT,
    file_id: file.id,
    to: new WritableStream({ write: (chunk) => void chunks.push(chunk) }),
  });
  expect(result.bytes).toBe(bytes.length);
  expect(sha256(Buffer.concat(chunks))).toBe(sha256(bytes));
});

it("refuses an empty source before any request", async () => {
  target = await startUploadTarget({ folders: [FOLDER] });
  const client = new FrameioClient({ baseUrl: target.origin, token: "test-token" });
  await expect(
    client.files.upload({ account_id: ACCOUNT, folder_id: FOLDER, source: new Uint8Array(0), name: "empty.mov" }),
  ).rejects.toBeInstanceOf(FrameioValidationError);
  expect(target.uploads.size).toBe(0);
});

it("a part upload that stalls fails after the client's timeoutMs instead of hanging", async () => {
  target = await startUploadTarget({ partSize: 64 * 1024, folders: [FOLDER], stall: true });
  const client = new FrameioClient({ baseUrl: target.origin, token: "test-token", timeoutMs: 300 });
  const error = await client.files
    .upload({ account_id: ACCOUNT, folder_id: FOLDER, source: sampleBytes(1000), name: "a.mov", maxRetriesPerPart: 0 })
    .catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(FrameioError);
  expect(JSON.stringify(error)).not.toContain("test-token");
  const timeouts = [error, (error as Error).cause].filter((e) => e instanceof FrameioTimeoutError);
  expect(timeouts.length).toBeGreaterThan(0);
});
