import { UploadError } from "../errors/index.js";
import { discardResponse } from "../retry/discard.js";
import { type RetryOptions, resolveRetryPolicy, runWithRetry } from "../retry/index.js";
import { DEFAULT_TRANSFER_TIMEOUT_MS } from "./idle-deadline.js";
import { fetchPartSender, type PartSender } from "./part-sender.js";
import { planParts, type UploadPart } from "./plan.js";
import { PartProgress, type UploadProgress } from "./progress.js";
import type { PartBody, UploadSource } from "./source.js";

export interface UploadPartsOptions {
  source: UploadSource;
  /** The file's `upload_urls`, in order. Their sizes must add up to `source.size`. */
  parts: readonly UploadPart[];
  /** The created file's `media_type`; S3 checks it against the pre-signed URL, so every part sends the same. */
  contentType: string;
  /** Parts in flight at once (1 to 64). Default 5. Memory in use stays near `concurrency` x part size at most. */
  concurrency?: number;
  signal?: AbortSignal;
  onProgress?: (progress: UploadProgress) => void;
  /** Used by the default sender. Default `globalThis.fetch`. */
  fetch?: typeof fetch;
  /** Replaces fetch for the PUTs, e.g. `platformPartSender` from `@frameio-sdk/kit/platform` in Node. */
  sendPart?: PartSender;
  /**
   * Idle deadline of each part attempt in ms (1 to 2^31-1, or Infinity for none): an attempt during which no byte
   * moves for this long fails with FrameioTimeoutError and is retried like a connection failure. Default 60 000;
   * pass the client's or the call's `timeoutMs`. Through fetch, whose upload progress cannot be observed, a part
   * must be sent and answered within this time.
   */
  timeoutMs?: number;
  /** Retries of one part after a 5xx, 408, 429, connection failure or timeout (0 to 10). Default 3. */
  maxRetriesPerPart?: number;
  /** Backoff tuning; `sleep` and `random` are injectable for tests. */
  retry?: Pick<RetryOptions, "baseDelayMs" | "maxDelayMs" | "maxRetryAfterMs" | "onRetry" | "sleep" | "random">;
}

export interface UploadPartsResult {
  totalBytes: number;
  /** Attempts each part took, by part index; more than 1 means it was retried. */
  attempts: number[];
}

/**
 * PUTs every part of `source` to its pre-signed URL, up to `concurrency` at a time, retrying each failed part on its
 * own. The first part that fails for good stops all others and rejects with UploadError; aborting `signal` stops
 * every part in flight and rejects with the signal's reason. Nothing is sent when the plan is invalid.
 */
export async function uploadParts(options: UploadPartsOptions): Promise<UploadPartsResult> {
  const { source, parts, contentType, signal } = options;
  const plan = planParts(options);
  const policy = resolveRetryPolicy({ ...options.retry, maxRetries: plan.maxRetries });
  const send = options.sendPart ?? fetchPartSender(options.fetch);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TRANSFER_TIMEOUT_MS;
  signal?.throwIfAborted();

  // One internal signal stops everything, whether the caller aborted or a part failed for good.
  const stop = new AbortController();
  let failure: { error: unknown } | undefined;
  const fail = (error: unknown) => {
    failure ??= { error };
    stop.abort(error);
  };
  const onCallerAbort = () => fail(signal?.reason);
  signal?.addEventListener("abort", onCallerAbort, { once: true });

  const progress = new PartProgress(plan.sizes, (event) => {
    try {
      options.onProgress?.(event);
    } catch (error) {
      fail(error);
    }
  });
  const headers = { "content-type": contentType, "x-amz-acl": "private" };
  const attempts = plan.sizes.map(() => 0);

  const sendOne = async (index: number, body: PartBody): Promise<void> => {
    const url = (parts[index] as UploadPart).url;
    const describe = { partIndex: index, partCount: parts.length, url };
    let outcome: { response: Response; attempts: number };
    try {
      outcome = await runWithRetry(
        { method: "PUT", url },
        (attempt) => {
          attempts[index] = attempt;
          progress.restart(index);
          const onBytesSent = (bytes: number) => progress.streamed(index, bytes);
          return send({ url, headers, body, signal: stop.signal, onBytesSent, timeoutMs });
        },
        policy,
        stop.signal,
      );
    } catch (error) {
      if (stop.signal.aborted) throw stop.signal.reason;
      const status = (error as { status?: unknown }).status;
      throw new UploadError({
        ...describe,
        attempts: attempts[index] as number,
        status: typeof status === "number" ? status : undefined,
        cause: error,
      });
    }
    const { response } = outcome;
    if (!response.ok) {
      const detail = await storageErrorDetail(response);
      throw new UploadError({ ...describe, attempts: outcome.attempts, status: response.status, detail });
    }
    await discardResponse(response);
    progress.completed(index);
  };

  // A stream can only be read front to back, so reads are chained in the order parts are claimed.
  let readQueue: Promise<unknown> = Promise.resolve();
  const readPart = (index: number): Promise<PartBody> => {
    const start = plan.starts[index] as number;
    const read = () => source.read(start, start + (plan.sizes[index] as number), stop.signal);
    if (!source.sequential) return read();
    const pending = readQueue.then(read);
    readQueue = pending.catch(() => undefined);
    return pending;
  };

  let nextIndex = 0;
  const worker = async () => {
    try {
      while (nextIndex < parts.length && !stop.signal.aborted) {
        const index = nextIndex++;
        await sendOne(index, await readPart(index));
      }
    } catch (error) {
      fail(error);
    }
  };

  try {
    await Promise.all(Array.from({ length: Math.min(plan.concurrency, parts.length) }, worker));
  } finally {
    signal?.removeEventListener("abort", onCallerAbort);
  }
  if (failure) throw failure.error;
  return { totalBytes: source.size, attempts };
}

/** S3 explains refusals in XML (`<Code>`, `<Message>`); a short form of that makes the error actionable. */
async function storageErrorDetail(response: Response): Promise<string | undefined> {
  const body = await discardResponse(response);
  const text = typeof body === "string" ? body : body === undefined ? "" : JSON.stringify(body);
  const code = /<Code>([^<]{1,100})<\/Code>/.exec(text)?.[1];
  const message = /<Message>([^<]{1,200})<\/Message>/.exec(text)?.[1];
  if (code || message) return [code, message].filter(Boolean).join(": ");
  return text.trim().slice(0, 200) || undefined;
}
