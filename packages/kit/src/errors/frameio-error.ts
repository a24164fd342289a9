/** What every FrameioError can be built from: a message and, for a wrapped failure, its cause. */
export interface FrameioErrorInit {
  message: string;
  cause?: unknown;
}

/** Base class of every error this SDK throws, so one `instanceof FrameioError` catches them all. */
export class FrameioError extends Error {
  override name = "FrameioError";

  /** `new FrameioError({ message, cause })`; the `(message, { cause })` form is kept for existing code. */
  constructor(init: FrameioErrorInit | string, options?: { cause?: unknown }) {
    const { message, ...rest } = typeof init === "string" ? { message: init, ...options } : init;
    super(message, "cause" in rest ? { cause: rest.cause } : undefined);
    // Keep `instanceof` working when compiled to ES5-style classes or bundled twice.
    Object.setPrototypeOf(this, new.target.prototype);
  }
}
