import { FrameioError } from "./frameio-error.js";
import { redactText, redactUrl } from "./redact.js";

/** No HTTP response was received: DNS, refused or reset connection, TLS failure. */
export class FrameioConnectionError extends FrameioError {
  override name = "FrameioConnectionError";
  readonly method: string;
  readonly url: string;
  readonly attempts: number;

  constructor(init: { method: string; url: string; attempts?: number; cause?: unknown }) {
    const url = redactUrl(init.url);
    // Some runtimes (Deno) quote the full request URL in the message; its signed query values must not surface.
    const reason = init.cause instanceof Error ? `: ${redactText(init.cause.message)}` : "";
    super({ message: `${init.method} ${url} failed before a response arrived${reason}`, cause: init.cause });
    this.method = init.method;
    this.url = url;
    this.attempts = init.attempts ?? 1;
  }
}
