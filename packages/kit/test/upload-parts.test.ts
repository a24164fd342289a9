import { sampleBytes, sha256 } from "@frameio-sdk/testing/sample-file";
import { TIMERS_UNOBSERVABLE, watchTimers } from "@frameio-sdk/testing/timers";
import { type InjectedFailure, startUploadTarget, type UploadTarget } from "@frameio-sdk/testing/upload-target";
import { afterEach, describe, expect, it } from "vitest";
import { FrameioValidationError, UploadError } from "../src/index.js";
import { platformPartSender } from "../src/platform.node.js";
import {
  blobSource,
  bytesSource,
  type PartSender,
  streamSource,
  type UploadProgress,
  type UploadSource,
  uploadParts,
} from "../src/upload/index.js";

const KiB = 1024;
const FAST_RETRY = { baseDelayMs: 1, maxDelayMs: 2 };

const senders: [string, PartSender | undefined][] = [
  ["fetch", undefined],
  ["node:http", platformPartSender],
];

function expectMonotonicProgress(events: UploadProgress[], totalBytes: number, totalParts: number) {
  expect(events.length).toBeGreaterThanOrEqual(totalParts);
  for (let i = 1; i < events.length; i++) {
    expect(events[i]!.bytesSent).toBeGreaterThanOrEqual(events[i - 1]!.bytesSent);
    expect(events[i]!.partsCompleted).toBeGreaterThanOrEqual(events[i - 1]!.partsCompleted);
  }
  expect(events.slice(0, -1).every((e) => e.bytesSent < totalBytes)).toBe(true);
  expect(events.at(-1)).toEqual({ bytesSent: totalBytes, totalBytes, partsCompleted: totalParts, totalParts });
}

describe.each(senders)("uploadParts with the %s sender", (_name, sendPart) => {
  let target: UploadTarget | undefined;
  afterEach(async () => {
    await target?.close();
    target = undefined;
  });

  async function setUp(size: number, options: Parameters<typeof startUploadTarget>[0] = {}) {
    target = await startUploadTarget({ partSize: 256 * KiB, ...options });
    const bytes = sampleBytes(size, size);
    return { target, bytes, file: target.createUpload("clip.mp4", size) };
  }

  it("PUTs every part with the protocol's headers, in parallel, and the stitched file is byte-identical", async () => {
    const { target, bytes, file } = await setUp(1_500_000 + 7, { holdUntilConcurrent: 3 });
    const events: UploadProgress[] = [];
    const result = await uploadParts({
      source: bytesSource(bytes),
      parts: file.upload_urls,
      contentType: file.media_type,
      concurrency: 3,
      sendPart,
      onProgress: (event) => events.push(event),
    });

    expect(file.upload_urls.length).toBe(6);
    expect(target.problems).toEqual([]);
    expect(target.maxConcurrent).toBe(3);
    expect(target.holdTimedOut).toBe(false);
    expect(result.attempts).toEqual([1, 1, 1, 1, 1, 1]);
    let offset = 0;
    const upload = target.uploads.get(file.id)!;
    upload.sizes.forEach((size, i) => {
      expect(upload.stored[i], `part ${i}`).toBe(sha256(bytes.subarray(offset, offset + size)));
      offset += size;
    });
    expect(await target.assembledSha256(file.id)).toBe(sha256(bytes));
    expectMonotonicProgress(events, bytes.length, 6);
  });

  it("retries only the parts that failed (500, 503, connection reset) and still delivers identical bytes", async () => {
    const failures: InjectedFailure[] = [
      { part: 1, attempt: 1, kind: "500" },
      { part: 3, attempt: 1, kind: "reset" },
      { part: 4, attempt: 1, kind: "503" },
      { part: 4, attempt: 2, kind: "503" },
    ];
    const { target, bytes, file } = await setUp(6 * 256 * KiB, { failures });
    const events: UploadProgress[] = [];
    const result = await uploadParts({
      source: blobSource(new Blob([bytes])),
      parts: file.upload_urls,
      contentType: file.media_type,
      sendPart,
      retry: FAST_RETRY,
      onProgress: (event) => events.push(event),
    });

    expect(result.attempts).toEqual([1, 2, 1, 2, 3, 1]);
    expect(target.problems).toEqual([]);
    const outcomes = target.attempts.map((a) => `${a.part}:${a.attempt}:${a.outcome}`).sort();
    expect(outcomes).toEqual(
      [
        "0:1:stored",
        "1:1:injected",
        "1:2:stored",
        "2:1:stored",
        "3:1:injected",
        "3:2:stored",
        "4:1:injected",
        "4:2:injected",
        "4:3:stored",
        "5:1:stored",
      ].sort(),
    );
    expect(await target.assembledSha256(file.id)).toBe(sha256(bytes));
    expectMonotonicProgress(events, bytes.length, 6);
  });

  it("gives up on a part after maxRetriesPerPart, starts no further parts, and hides the URL's signature", async () => {
    const failures: InjectedFailure[] = [1, 2, 3].map((attempt) => ({ part: 2, attempt, kind: "500" as const }));
    const { target, bytes, file } = await setUp(5 * 256 * KiB, { failures });
    const error = await uploadParts({
      source: bytesSource(bytes),
      parts: file.upload_urls,
      contentType: file.media_type,
      concurrency: 1,
      maxRetriesPerPart: 2,
      sendPart,
      retry: FAST_RETRY,
    }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(UploadError);
    const uploadError = error as UploadError;
    expect(uploadError).toMatchObject({ partIndex: 2, partCount: 5, attempts: 3, status: 500 });
    expect(uploadError.message).toContain("part 3 of 5");
    expect(uploadError.message).toContain("InternalError: Injected");
    const signature = new URL(file.upload_urls[2]!.url).searchParams.get("X-Amz-Signature")!;
    expect(uploadError.message).not.toContain(signature);
    expect(JSON.stringify(uploadError)).not.toContain(signature);
    expect(target.attempts.some((a) => a.part > 2)).toBe(false);
  });

  it("names a part whose connection is reset on every attempt once, without repeating the transport error", async () => {
    const failures: InjectedFailure[] = [1, 2].map((attempt) => ({ part: 0, attempt, kind: "reset" as const }));
    const { bytes, file } = await setUp(2 * 256 * KiB, { failures });
    const error = await uploadParts({
      source: bytesSource(bytes),
      parts: file.upload_urls,
      contentType: file.media_type,
      maxRetriesPerPart: 1,
      sendPart,
      retry: FAST_RETRY,
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "UploadError", partIndex: 0, attempts: 2, status: undefined });
    const message = (error as Error).message;
    expect(message).toMatch(
      /^Upload part 1 of 2 failed after 2 attempt\(s\): PUT \S+ failed before a response arrived/,
    );
    expect(message.match(/PUT /g)).toHaveLength(1);
  });

  it("does not retry a 403 (expired pre-signed URL)", async () => {
    const { target, bytes, file } = await setUp(2 * 256 * KiB, { failures: [{ part: 0, attempt: 1, kind: "403" }] });
    const error = await uploadParts({
      source: bytesSource(bytes),
      parts: file.upload_urls,
      contentType: file.media_type,
      concurrency: 1,
      sendPart,
      retry: FAST_RETRY,
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "UploadError", partIndex: 0, attempts: 1, status: 403 });
    expect((error as Error).message).toContain("AccessDenied: Request has expired");
    expect((error as Error).message).toContain("may have expired");
    expect(target.attempts).toHaveLength(1);
  });

  it("stops every part in flight when aborted, rejects with the abort reason and leaves no timer behind", async (ctx) => {
    const { target, bytes, file } = await setUp(8 * 256 * KiB, { stall: true });
    const timers = watchTimers();
    const controller = new AbortController();
    const upload = uploadParts({
      source: bytesSource(bytes),
      parts: file.upload_urls,
      contentType: file.media_type,
      concurrency: 4,
      sendPart,
      signal: controller.signal,
    });
    const settled = upload.catch((e: unknown) => e);
    // Four bodies fully received, none answered: the upload can only end through the abort.
    await target.until((t) => t.attempts.filter((a) => a.sha256).length === 4);
    controller.abort();
    const error = await settled;

    expect(error).toBeInstanceOf(DOMException);
    expect((error as DOMException).name).toBe("AbortError");
    await target.until((t) => t.inFlight === 0);
    expect(target.attempts.map((a) => a.outcome)).toEqual(["aborted", "aborted", "aborted", "aborted"]);
    timers.stop();
    ctx.skip(!timers.observable, TIMERS_UNOBSERVABLE);
    expect(timers.armed()).toBe(0);
  });

  it("aborting during a retry's backoff ends the wait at once and clears its timer", async (ctx) => {
    const { target, bytes, file } = await setUp(2 * 256 * KiB, { failures: [{ part: 0, attempt: 1, kind: "500" }] });
    const timers = watchTimers();
    const controller = new AbortController();
    let timersWhileWaiting = 0;
    const error = await uploadParts({
      source: bytesSource(bytes),
      parts: file.upload_urls,
      contentType: file.media_type,
      concurrency: 1,
      sendPart,
      signal: controller.signal,
      // A minute-long backoff: only a prompt abort lets this test finish within its timeout.
      retry: {
        baseDelayMs: 60_000,
        maxDelayMs: 60_000,
        onRetry: () => {
          setImmediate(() => {
            timersWhileWaiting = timers.observable ? timers.armed() : -1;
            controller.abort(new Error("user cancelled"));
          });
        },
      },
    }).catch((e: unknown) => e);
    expect((error as Error).message).toBe("user cancelled");
    expect(target.attempts.map((a) => a.outcome)).toEqual(["injected"]);
    timers.stop();
    ctx.skip(!timers.observable, TIMERS_UNOBSERVABLE);
    expect(timersWhileWaiting).toBe(1); // the minute-long backoff
    expect(timers.armed()).toBe(0);
  });

  it("uploads a ReadableStream in order while holding no more than `concurrency` parts", async () => {
    const { target, bytes, file } = await setUp(10 * 256 * KiB + 5, {
      failures: [{ part: 6, attempt: 1, kind: "reset" }],
    });
    const concurrency = 3;
    const chunk = 100 * KiB;
    let pulled = 0;
    let completedBytes = 0;
    let maxAhead = 0;
    const stream = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          if (pulled >= bytes.length) return controller.close();
          const next = bytes.slice(pulled, pulled + chunk);
          pulled += next.length;
          maxAhead = Math.max(maxAhead, pulled - completedBytes);
          controller.enqueue(next);
        },
      },
      { highWaterMark: 0 },
    );
    const sizes = file.upload_urls.map((p) => p.size);
    await uploadParts({
      source: streamSource(stream, bytes.length),
      parts: file.upload_urls,
      contentType: file.media_type,
      concurrency,
      sendPart,
      retry: FAST_RETRY,
      onProgress: ({ partsCompleted }) => {
        completedBytes = partsCompleted * Math.min(...sizes);
      },
    });
    expect(target.problems).toEqual([]);
    expect(await target.assembledSha256(file.id)).toBe(sha256(bytes));
    expect(maxAhead).toBeGreaterThan(Math.max(...sizes));
    expect(maxAhead).toBeLessThanOrEqual((concurrency + 1) * Math.max(...sizes) + chunk);
  });

  it("refuses parts that do not add up to the source before sending anything", async () => {
    const { target, bytes, file } = await setUp(3 * 256 * KiB);
    const source: UploadSource = bytesSource(bytes.subarray(1));
    const error = await uploadParts({ source, parts: file.upload_urls, contentType: file.media_type, sendPart }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(FrameioValidationError);
    expect((error as FrameioValidationError).issues.map((i) => i.path)).toEqual(["parts"]);
    const badUrl = await uploadParts({
      source: bytesSource(bytes),
      parts: [{ url: "ftp://x/?X-Amz-Signature=s3cr3t", size: bytes.length }],
      contentType: "",
      sendPart,
    }).catch((e: unknown) => e);
    expect((badUrl as FrameioValidationError).issues.map((i) => i.path)).toEqual(["parts[0].url", "contentType"]);
    expect((badUrl as Error).message).not.toContain("s3cr3t");
    expect(target.attempts).toHaveLength(0);
  });
});
