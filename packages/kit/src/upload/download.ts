import {
  apiErrorFromResponse,
  type ConnectionFailurePhase,
  DownloadUnavailableError,
  FrameioValidationError,
} from "../errors/index.js";
import { attemptFailure } from "../internal/attempt-failure.js";
import { validationIssue } from "../internal/invalid-option.js";
import { DEFAULT_TRANSFER_TIMEOUT_MS, IdleDeadline } from "./idle-deadline.js";
import { discardPartial } from "./sink-discard.js";
import { checkTransferOptions } from "./transfer-options.js";

export interface DownloadProgress {
  bytesReceived: number;
  /** From Content-Length, else the file's `file_size`; undefined when neither is known. */
  totalBytes: number | undefined;
}

export interface DownloadTransferOptions {
  fetch?: typeof fetch;
  signal?: AbortSignal;
  onProgress?: (progress: DownloadProgress) => void;
  /**
   * Idle deadline in ms (1 to 2^31-1, or Infinity for none): a download during which no byte arrives for this long,
   * waiting for the response included, fails with FrameioTimeoutError. Default 60 000; pass the client's or the
   * call's `timeoutMs`.
   */
  timeoutMs?: number;
}

/** The fields of a Frame.io file that locate its original; request the file with `include=media_links.original`. */
export interface DownloadableFile {
  id: string;
  status?: string;
  file_size?: number;
  media_links?: { original?: { download_url?: string | null } | null } | null;
}

export interface DownloadFileOptions extends DownloadTransferOptions {
  file: DownloadableFile;
  /** A WritableStream, or a file path together with `openSink`. */
  to: string | WritableStream<Uint8Array>;
  /** Opens a file path for writing; pass `openPathSink` from `@frameio-sdk/kit/platform`. */
  openSink?: (path: string) => Promise<WritableStream<Uint8Array>>;
}

/**
 * Downloads a file's original to `to`. Fails with DownloadUnavailableError before any request when the file has no
 * original download link, and opens the destination only once the storage service has answered 2xx, so a failed
 * download never leaves an empty file behind. A failed or cancelled download settles only after its partial file
 * was removed. Failures are typed: FrameioTimeoutError (idle deadline), FrameioConnectionError (the connection
 * broke; `phase: "reading-body"` when it broke mid-body; the runtime's error as `cause`), an API error for a refused link, or the abort
 * reason of `signal`.
 */
export async function downloadFile(options: DownloadFileOptions): Promise<{ bytes: number }> {
  const { file, to, openSink } = options;
  const original = file?.media_links?.original;
  const url = original?.download_url;
  if (typeof url !== "string" || url === "") {
    throw new DownloadUnavailableError({
      fileId: String(file?.id),
      fileStatus: file?.status,
      linkMissing: original === undefined,
    });
  }
  const issues = checkTransferOptions(options);
  if (typeof to === "string" && typeof openSink !== "function") {
    issues.push(
      validationIssue("to", "a WritableStream (file paths need openSink from @frameio-sdk/kit/platform)", "a path"),
    );
  } else if (typeof to !== "string" && !(to instanceof WritableStream)) {
    issues.push(validationIssue("to", "a file path or a WritableStream", typeof to));
  }
  if (issues.length > 0) throw new FrameioValidationError("files.download", issues);
  const open = typeof to === "string" ? () => (openSink as NonNullable<typeof openSink>)(to) : async () => to;
  return transfer(url, options, open, file.file_size);
}

/** Streams any pre-signed URL to a WritableStream, with progress and the same idle deadline. */
export async function downloadToStream(
  options: DownloadTransferOptions & { url: string; destination: WritableStream<Uint8Array>; totalBytes?: number },
): Promise<{ bytes: number }> {
  const issues = checkTransferOptions(options);
  if (!(options.destination instanceof WritableStream)) {
    issues.push(validationIssue("destination", "a WritableStream", typeof options.destination));
  }
  if (issues.length > 0) throw new FrameioValidationError("downloadToStream", issues);
  return transfer(options.url, options, async () => options.destination, options.totalBytes);
}

/** One download attempt under its idle deadline; every way it can fail ends typed, after the partial is gone. */
async function transfer(
  url: string,
  options: DownloadTransferOptions,
  open: () => Promise<WritableStream<Uint8Array>>,
  fallbackTotal: number | undefined,
): Promise<{ bytes: number }> {
  const { fetch: fetchImpl = globalThis.fetch, signal } = options;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TRANSFER_TIMEOUT_MS;
  const deadline = new IdleDeadline(timeoutMs, { method: "GET", url }, signal);
  /** `phase` only for a failure of the network; one of the destination or of `onProgress` passes through. */
  const fail = (error: unknown, phase?: ConnectionFailurePhase): unknown =>
    attemptFailure(error, { method: "GET", url, signals: [signal], timedOut: deadline.timedOut, timeoutMs, phase });
  try {
    let response: Response;
    try {
      // Pre-signed: an Authorization header would be refused or, worse, leak the token to the storage host.
      response = await fetchImpl(url, { method: "GET", signal: deadline.signal });
    } catch (error) {
      throw fail(error, "before-response");
    }
    deadline.touch();
    if (!response.ok) {
      // The refusal's body is read without failing: a body that breaks off still yields the API error.
      throw await apiErrorFromResponse(response, { method: "GET", url });
    }
    let destination: WritableStream<Uint8Array>;
    try {
      destination = await open();
    } catch (error) {
      await response.body?.cancel().catch(() => undefined);
      throw error;
    }
    const counted = countedBody(response, options, fallbackTotal, deadline);
    try {
      // pipeTo aborts the destination on any failure or abort; a path sink's abort deletes its partial file.
      await counted.stream.pipeTo(destination, { signal: deadline.signal });
    } catch (error) {
      await discardPartial(destination);
      const readFailure = counted.readFailure();
      throw readFailure === undefined ? fail(error) : fail(readFailure.error, "reading-body");
    }
    return { bytes: counted.bytes() };
  } finally {
    deadline.clear();
  }
}

/**
 * The response body, counted: each chunk reports progress and restarts the idle deadline. A failure to read the
 * body (the connection reset mid-body: `TypeError: terminated` on Node) is remembered so it can be reported as a
 * connection failure, apart from a failure of the destination or of the caller's `onProgress`.
 */
function countedBody(
  response: Response,
  options: DownloadTransferOptions,
  fallbackTotal: number | undefined,
  deadline: IdleDeadline,
) {
  const length = Number(response.headers.get("content-length") ?? Number.NaN);
  const totalBytes = Number.isSafeInteger(length) ? length : fallbackTotal;
  const reader = response.body?.getReader();
  let bytesReceived = 0;
  let readFailure: { error: unknown } | undefined;
  const stream = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        let result: ReadableStreamReadResult<Uint8Array>;
        try {
          result = reader ? await reader.read() : { done: true, value: undefined };
        } catch (error) {
          readFailure = { error };
          throw error;
        }
        if (result.done) return controller.close();
        deadline.touch();
        bytesReceived += result.value.byteLength;
        controller.enqueue(result.value);
        options.onProgress?.({ bytesReceived, totalBytes });
      },
      cancel: (reason) => reader?.cancel(reason),
    },
    { highWaterMark: 0 },
  );
  return { stream, bytes: () => bytesReceived, readFailure: () => readFailure };
}
