import { FrameioError } from "./frameio-error.js";
import { redactUrl } from "./redact.js";

/**
 * The API answered with a success status but a body the SDK cannot use: not JSON (an HTML page from a proxy, a
 * captive portal) or JSON cut short. The parse failure is the `cause`; the body itself is not kept.
 */
export class FrameioResponseError extends FrameioError {
  override name = "FrameioResponseError";
  readonly status: number;
  readonly method: string;
  /** The request URL, redacted. */
  readonly url: string;
  readonly contentType: string | undefined;
  readonly attempts: number;

  constructor(init: {
    status: number;
    method: string;
    url: string;
    contentType?: string;
    attempts?: number;
    cause?: unknown;
  }) {
    const url = redactUrl(init.url);
    const type = init.contentType ? ` (${init.contentType})` : "";
    super(`${init.method} ${url} answered ${init.status} with a body that is not valid JSON${type}`, {
      cause: init.cause,
    });
    this.status = init.status;
    this.method = init.method;
    this.url = url;
    this.contentType = init.contentType;
    this.attempts = init.attempts ?? 1;
  }
}
