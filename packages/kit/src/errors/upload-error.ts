import { connectionFailurePhase, connectionFailureText } from "./connection-error.js";
import { FrameioError } from "./frameio-error.js";
import { redactUrl } from "./redact.js";

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
    const outcome =
      init.status !== undefined
        ? `answered ${init.status}${init.detail ? ` (${init.detail})` : ""}`
        : `${connectionFailureText(connectionFailurePhase(init.cause))}${init.cause instanceof Error ? `: ${init.cause.message}` : ""}`;
    const hint = init.status === 403 ? "; the pre-signed URLs may have expired, start a new upload" : "";
    super(
      `Upload part ${init.partIndex + 1} of ${init.partCount} failed after ${init.attempts} attempt(s): ` +
        `PUT ${url} ${outcome}${hint}`,
      { cause: init.cause },
    );
    this.partIndex = init.partIndex;
    this.partCount = init.partCount;
    this.attempts = init.attempts;
    this.status = init.status;
    this.url = url;
  }
}
