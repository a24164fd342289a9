/** Base class of every error this SDK throws, so one `instanceof FrameioError` catches them all. */
export class FrameioError extends Error {
  override name = "FrameioError";

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    // Keep `instanceof` working when compiled to ES5-style classes or bundled twice.
    Object.setPrototypeOf(this, new.target.prototype);
  }
}
