import { FrameioValidationError, UploadIncompleteError } from "../errors/index.js";
import { invalidOption } from "../internal/invalid-option.js";
import { sleep as realSleep, type Sleep } from "../internal/sleep.js";

/** The fields of Frame.io's `FileUploadStatus` that decide whether to keep waiting. */
export interface UploadStatus {
  upload_complete: boolean;
  upload_failed: boolean;
}

export interface WaitForUploadOptions {
  /** First pause between polls; it grows by half each time up to `maxIntervalMs`. Default 1 000 ms. */
  intervalMs?: number;
  /**
   * Default 10 000 ms. Keep it at or above the status endpoint's published spacing
   * (`publishedRateLimits["files.showFileUploadStatus"]`, 5 calls per second per user: 200 ms).
   */
  maxIntervalMs?: number;
  /** Give up after this long. Default 600 000 ms (10 minutes). */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Injectable for tests; must reject when `signal` aborts. */
  sleep?: Sleep;
  /** Injectable clock in ms; default `Date.now`. */
  now?: () => number;
}

/**
 * Polls the upload status until Frame.io has stitched every part (`upload_complete`), for local and remote uploads
 * alike. Throws UploadIncompleteError when Frame.io reports `upload_failed` or the wait runs out.
 */
export async function waitForUpload(
  fileId: string,
  getStatus: (fileId: string, signal?: AbortSignal) => Promise<UploadStatus>,
  options: WaitForUploadOptions = {},
): Promise<UploadStatus> {
  const { signal, sleep = realSleep, now = Date.now } = options;
  const intervalMs = positive(options.intervalMs, 1_000, "intervalMs");
  const maxIntervalMs = positive(options.maxIntervalMs, 10_000, "maxIntervalMs");
  const timeoutMs = positive(options.timeoutMs, 600_000, "timeoutMs");
  const started = now();
  for (let pause = intervalMs; ; pause = Math.min(maxIntervalMs, pause * 1.5)) {
    const status = await getStatus(fileId, signal);
    if (status.upload_complete) return status;
    if (status.upload_failed)
      throw new UploadIncompleteError({ fileId, reason: "upload_failed", waitedMs: now() - started });
    const waited = now() - started;
    if (waited + pause > timeoutMs) throw new UploadIncompleteError({ fileId, reason: "timed_out", waitedMs: waited });
    await sleep(pause, signal);
  }
}

function positive(value: number | undefined, fallback: number, field: string): number {
  if (value === undefined) return fallback;
  if (typeof value === "number" && Number.isFinite(value) && value > 0) return value;
  throw new FrameioValidationError("waitForUpload", [invalidOption(field, "a number of ms > 0", value)]);
}
