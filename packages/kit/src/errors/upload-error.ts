import { connectionFailureText, FrameioConnectionError } from "./connection-error.js";
import { FrameioError } from "./frameio-error.js";
import { redactText, redactUrl } from "./redact.js";
import { FrameioTimeoutError } from "./timeout-error.js";

/** One part of a local upload could not be delivered to its pre-signed URL, retries included. */
export class UploadError extends FrameioError {
  override name = "UploadError";
  /** Zero-based index into the file's `upload_urls`. */
  readonly partIndex: number;
  readonly partCount: number;
  /** Attempts made for this part, the last one included. */
  readonly attempts: number;
  /** The storage service's status code, or undefined when no response arrived. */
  readonly status: number | undefined;
  /** The part URL with its signature removed. */
  readonly url: string;

  constructor(init: {
    partIndex: number;
    partCount: number;
    attempts: number;
    url: string;
    status?: number;
    detail?: string;
    cause?: unknown;
  }) {
    const url = redactUrl(init.url);
    const hint = init.status === 403 ? "; the pre-signed URLs may have expired, start a new upload" : "";
    super(
      `Upload part ${init.partIndex + 1} of ${init.partCount} failed after ${init.attempts} attempt(s): ` +
        `${outcome(init, url)}${hint}`,
      { cause: init.cause },
    );
    this.partIndex = init.partIndex;
    this.partCount = init.partCount;
    this.attempts = init.attempts;
    this.status = init.status;
    this.url = url;
  }
}

/** What the last attempt ended with. A transport error already says `PUT <url> ...` and how it failed. */
function outcome(init: { status?: number; detail?: string; cause?: unknown }, url: string): string {
  if (init.status !== undefined) return `PUT ${url} answered ${init.status}${init.detail ? ` (${init.detail})` : ""}`;
  if (init.cause instanceof FrameioConnectionError || init.cause instanceof FrameioTimeoutError) {
    return init.cause.message;
  }
  const reason = init.cause instanceof Error ? `: ${redactText(init.cause.message)}` : "";
  return `PUT ${url} ${connectionFailureText("before-response")}${reason}`;
}
