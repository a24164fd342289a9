import { sampleBytes, sha256 } from "@frameio-sdk/testing/sample-file";
import { type InjectedFailure, startUploadTarget, type UploadTarget } from "@frameio-sdk/testing/upload-target";
import { afterEach, describe, expect, it } from "vitest";
import { FrameioTimeoutError, FrameioValidationError, UploadError } from "../src/index.js";
import { platformPartSender } from "../src/platform.node.js";
import { bytesSource, type PartSender, uploadParts } from "../src/upload/index.js";

const KiB = 1024;
const FAST_RETRY = { baseDelayMs: 1, maxDelayMs: 2 };
// The deadline only has to end attempts that will never progress; a healthy 256 KiB loopback part moves bytes
// far more often than every 1.5 s even on a loaded machine, and a spurious expiry would only cost a retry.
const IDLE_MS = 1_500;

const senders: [string, PartSender | undefined][] = [
  ["fetch", undefined],
  ["node:http", platformPartSender],
];

describe.each(senders)("part idle deadline with the %s sender", (_name, sendPart) => {
  let target: UploadTarget | undefined;
  afterEach(async () => {
    await target?.close();
    target = undefined;
  });

  async function upload(failures: InjectedFailure[], extra: { maxRetriesPerPart?: number } = {}) {
    target = await startUploadTarget({ partSize: 256 * KiB, failures });
    const bytes = sampleBytes(3 * 256 * KiB, 7);
    const file = target.createUpload("clip.mp4", bytes.length);
    const run = uploadParts({
      source: bytesSource(bytes),
      parts: file.upload_urls,
      contentType: file.media_type,
      concurrency: 1,
      sendPart,
      timeoutMs: IDLE_MS,
      retry: FAST_RETRY,
      ...extra,
    });
    return { target, bytes, file, run };
  }

  it.each(["stall", "stall-mid-body"] as const)(
    "ends an attempt that goes silent (%s) and retries the part",
    async (kind) => {
      const { target, bytes, file, run } = await upload([{ part: 1, attempt: 1, kind }]);
      const result = await run;
      expect(await target.assembledSha256(file.id)).toBe(sha256(bytes));
      expect(result.attempts[1]).toBeGreaterThanOrEqual(2);
      expect(target.attempts.find((a) => a.part === 1 && a.attempt === 1)?.outcome).toBe("injected");
    },
  );

  it("surfaces FrameioTimeoutError (as the UploadError's cause) when every attempt goes silent", async () => {
    const stalls = [1, 2].map((attempt) => ({ part: 0, attempt, kind: "stall" as const }));
    const { target, run } = await upload(stalls, { maxRetriesPerPart: 1 });
    const error = await run.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UploadError);
    expect((error as UploadError).cause).toBeInstanceOf(FrameioTimeoutError);
    expect((error as UploadError).cause).toMatchObject({ timeoutMs: IDLE_MS, method: "PUT" });
    expect(target.attempts.filter((a) => a.part === 0)).toHaveLength(2);
  });

  it("refuses a timeoutMs that is not a usable timer before sending anything", async () => {
    target = await startUploadTarget({ partSize: 256 * KiB });
    const file = target.createUpload("clip.mp4", 10);
    for (const timeoutMs of [0, -1, Number.NaN, 2 ** 31, "60000" as never]) {
      const error = await uploadParts({
        source: bytesSource(sampleBytes(10, 1)),
        parts: file.upload_urls,
        contentType: file.media_type,
        sendPart,
        timeoutMs,
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(FrameioValidationError);
      expect((error as FrameioValidationError).issues.map((i) => i.path)).toEqual(["timeoutMs"]);
    }
    expect(target.attempts).toHaveLength(0);
  });
});
