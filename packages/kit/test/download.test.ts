import { access, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sampleBytes, sha256 } from "@frameio-sdk/testing/sample-file";
import { startUploadTarget, type UploadTarget } from "@frameio-sdk/testing/upload-target";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DownloadUnavailableError, FrameioValidationError, NotFoundError } from "../src/index.js";
import * as browserPlatform from "../src/platform.browser.js";
import { openPathSink } from "../src/platform.node.js";
import {
  bytesSource,
  type DownloadableFile,
  type DownloadProgress,
  downloadFile,
  downloadToStream,
  uploadParts,
} from "../src/upload/index.js";

const bytes = sampleBytes(3 * 1024 * 1024 + 17, 99);
let dir: string;
let target: UploadTarget;
let uploaded: DownloadableFile;
let pending: DownloadableFile;

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

async function showFile(id: string): Promise<DownloadableFile> {
  const response = await fetch(`${target.origin}/v4/accounts/acc-1/files/${id}?include=media_links.original`);
  return ((await response.json()) as { data: DownloadableFile }).data;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "kit-download-"));
  target = await startUploadTarget({ partSize: 1024 * 1024 });
  const file = target.createUpload("master.mov", bytes.length);
  await uploadParts({ source: bytesSource(bytes), parts: file.upload_urls, contentType: file.media_type });
  uploaded = await showFile(file.id);
  pending = await showFile(target.createUpload("pending.mov", 10).id);
});

afterAll(async () => {
  await target.close();
  await rm(dir, { recursive: true, force: true });
});

describe("downloadFile", () => {
  let path: string;
  let count = 0;
  const nextPath = () => (path = join(dir, `download-${++count}.mov`));

  it("streams the original to a file path with monotonic progress ending at the size", async () => {
    const events: DownloadProgress[] = [];
    const result = await downloadFile({
      file: uploaded,
      to: nextPath(),
      openSink: openPathSink,
      onProgress: (e) => events.push(e),
    });
    expect(result.bytes).toBe(bytes.length);
    expect(sha256(await readFile(path))).toBe(sha256(bytes));
    expect(events.length).toBeGreaterThan(1);
    expect(events.every((e, i) => i === 0 || e.bytesReceived > events[i - 1]!.bytesReceived)).toBe(true);
    expect(events.at(-1)).toEqual({ bytesReceived: bytes.length, totalBytes: bytes.length });
  });

  it("streams to a WritableStream", async () => {
    const chunks: Uint8Array[] = [];
    await downloadFile({ file: uploaded, to: new WritableStream({ write: (chunk) => void chunks.push(chunk) }) });
    expect(sha256(Buffer.concat(chunks))).toBe(sha256(bytes));
  });

  it("fails clearly, before any request and without creating a file, when the original link is null", async () => {
    expect(pending.media_links?.original?.download_url).toBeNull();
    const error = await downloadFile({ file: pending, to: nextPath(), openSink: openPathSink }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DownloadUnavailableError);
    expect(error).toMatchObject({ fileId: pending.id, fileStatus: "created" });
    expect((error as Error).message).toContain("download_url is null");
    expect((error as Error).message).toContain("has not finished");
    expect(await exists(path)).toBe(false);

    const { media_links: _links, ...withoutLinks } = uploaded;
    const missing = await downloadFile({ file: withoutLinks, to: nextPath(), openSink: openPathSink }).catch(
      (e: unknown) => e,
    );
    expect((missing as Error).message).toContain("include=media_links.original");
  });

  it("reports a refused link as an API error and leaves no file behind", async () => {
    const gone = {
      ...uploaded,
      media_links: { original: { download_url: `${target.origin}/uploads/nope/original?X-Amz-Signature=abc123` } },
    };
    const error = await downloadFile({ file: gone, to: nextPath(), openSink: openPathSink }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as Error).message).not.toContain("abc123");
    expect(await exists(path)).toBe(false);
  });

  it("stops when aborted mid-stream and deletes the partial file", async () => {
    const controller = new AbortController();
    const error = await downloadFile({
      file: uploaded,
      to: nextPath(),
      openSink: openPathSink,
      signal: controller.signal,
      onProgress: () => controller.abort(),
    }).catch((e: unknown) => e);
    expect((error as Error).name).toBe("AbortError");
    expect(await exists(path)).toBe(false);
  });

  it("refuses a path without a sink, and paths outside Node", async () => {
    const noSink = await downloadFile({ file: uploaded, to: nextPath() }).catch((e: unknown) => e);
    expect(noSink).toBeInstanceOf(FrameioValidationError);
    const browser = await downloadFile({
      file: uploaded,
      to: nextPath(),
      openSink: browserPlatform.openPathSink,
    }).catch((e: unknown) => e);
    expect((browser as Error).message).toContain("file paths need Node; pass a WritableStream");
    const badDir = await downloadFile({
      file: uploaded,
      to: join(dir, "missing-dir", "x.mov"),
      openSink: openPathSink,
    }).catch((e: unknown) => e);
    expect((badDir as FrameioValidationError).issues[0]?.path).toBe("to");
  });
});

describe("downloadToStream", () => {
  it("downloads any pre-signed URL with progress", async () => {
    const events: DownloadProgress[] = [];
    const chunks: Uint8Array[] = [];
    const url = uploaded.media_links!.original!.download_url!;
    const result = await downloadToStream({
      url,
      destination: new WritableStream({ write: (c) => void chunks.push(c) }),
      onProgress: (e) => events.push(e),
    });
    expect(result.bytes).toBe(bytes.length);
    expect(Buffer.concat(chunks).equals(Buffer.from(bytes))).toBe(true);
    expect(events.at(-1)?.bytesReceived).toBe(bytes.length);
  });
});
