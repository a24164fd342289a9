import {
  apiErrorFromResponse,
  DownloadUnavailableError,
  FrameioConnectionError,
  FrameioValidationError,
} from "../errors/index.js";
import { invalidOption } from "../internal/invalid-option.js";

export interface DownloadProgress {
  bytesReceived: number;
  /** From Content-Length, else the file's `file_size`; undefined when neither is known. */
  totalBytes: number | undefined;
}

export interface DownloadTransferOptions {
  fetch?: typeof fetch;
  signal?: AbortSignal;
  onProgress?: (progress: DownloadProgress) => void;
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
 * download never leaves an empty file behind.
 */
export async function downloadFile(options: DownloadFileOptions): Promise<{ bytes: number }> {
  const { file, to, openSink } = options;
  const original = file?.media_links?.original;
  const url = original?.download_url;
  if (typeof url !== "string" || url === "") {
    throw new DownloadUnavailableError({ fileId: String(file?.id), fileStatus: file?.status, linkMissing: original === undefined });
  }
  if (typeof to === "string" && typeof openSink !== "function") {
    throw new FrameioValidationError("files.download", [
      invalidOption("to", "a WritableStream (file paths need openSink from @frameio-sdk/kit/platform)", "a path"),
    ]);
  }
  if (typeof to !== "string" && !(to instanceof WritableStream)) {
    throw new FrameioValidationError("files.download", [invalidOption("to", "a file path or a WritableStream", typeof to)]);
  }
  const response = await requestDownload(url, options);
  let destination: WritableStream<Uint8Array>;
  try {
    destination = typeof to === "string" ? await (openSink as NonNullable<typeof openSink>)(to) : to;
  } catch (error) {
    await response.body?.cancel().catch(() => undefined);
    throw error;
  }
  return pipeDownload(response, destination, options, file.file_size);
}

/** Streams any pre-signed URL to a WritableStream, with progress. */
export async function downloadToStream(
  options: DownloadTransferOptions & { url: string; destination: WritableStream<Uint8Array>; totalBytes?: number },
): Promise<{ bytes: number }> {
  const response = await requestDownload(options.url, options);
  return pipeDownload(response, options.destination, options, options.totalBytes);
}

async function requestDownload(url: string, options: DownloadTransferOptions): Promise<Response> {
  const { fetch: fetchImpl = globalThis.fetch, signal } = options;
  let response: Response;
  try {
    // Pre-signed: an Authorization header would be refused or, worse, leak the token to the storage host.
    response = await fetchImpl(url, { method: "GET", signal });
  } catch (cause) {
    if (signal?.aborted) throw signal.reason;
    throw new FrameioConnectionError({ method: "GET", url, cause });
  }
  if (!response.ok) throw await apiErrorFromResponse(response, { method: "GET", url });
  return response;
}

async function pipeDownload(
  response: Response,
  destination: WritableStream<Uint8Array>,
  options: DownloadTransferOptions,
  fallbackTotal: number | undefined,
): Promise<{ bytes: number }> {
  const length = Number(response.headers.get("content-length") ?? Number.NaN);
  const totalBytes = Number.isSafeInteger(length) ? length : fallbackTotal;
  let bytesReceived = 0;
  const counter = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      bytesReceived += chunk.byteLength;
      controller.enqueue(chunk);
      options.onProgress?.({ bytesReceived, totalBytes });
    },
  });
  const body = response.body ?? new ReadableStream<Uint8Array>({ start: (controller) => controller.close() });
  // pipeTo aborts the destination on any failure or abort, which lets a file sink delete its partial file.
  await body.pipeThrough(counter).pipeTo(destination, { signal: options.signal });
  return { bytes: bytesReceived };
}
