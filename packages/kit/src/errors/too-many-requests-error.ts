import { FrameioApiError, type FrameioApiErrorInit } from "./api-error.js";

/** The API answered 429. `retryAfterMs` is set when the server said how long to wait. */
export class TooManyRequestsError extends FrameioApiError {
  override name = "TooManyRequestsError";
  readonly retryAfterMs: number | undefined;

  constructor(init: FrameioApiErrorInit & { retryAfterMs?: number }) {
    super(init);
    this.retryAfterMs = init.retryAfterMs;
  }
}
