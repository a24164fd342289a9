import { FrameioError } from "./frameio-error.js";
import { redactUrl } from "./redact.js";

/** No HTTP response was received: DNS, refused or reset connection, TLS failure. */
export class FrameioConnectionError extends FrameioError {
  override name = "FrameioConnectionError";
  readonly method: string;
  readonly url: string;
  readonly attempts: number;

  constructor(init: { method: string; url: string; attempts?: number; cause?: unknown }) {
    const url = redactUrl(init.url);
    const reason = init.cause instanceof Error ? `: ${init.cause.message}` : "";
    super(`${init.method} ${url} failed before a response arrived${reason}`, { cause: init.cause });
    this.method = init.method;
    this.url = url;
    this.attempts = init.attempts ?? 1;
  }
}
