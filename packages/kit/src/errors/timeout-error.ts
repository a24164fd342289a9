import { FrameioError } from "./frameio-error.js";
import { redactUrl } from "./redact.js";

/** An attempt took longer than its `timeoutMs`. */
export class FrameioTimeoutError extends FrameioError {
  override name = "FrameioTimeoutError";
  readonly timeoutMs: number;
  readonly method: string;
  readonly url: string;
  readonly attempts: number;

  constructor(init: { timeoutMs: number; method: string; url: string; attempts?: number; cause?: unknown }) {
    const url = redactUrl(init.url);
    super(`${init.method} ${url} timed out after ${init.timeoutMs} ms`, { cause: init.cause });
    this.timeoutMs = init.timeoutMs;
    this.method = init.method;
    this.url = url;
    this.attempts = init.attempts ?? 1;
  }
}
