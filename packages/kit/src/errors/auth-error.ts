import { FrameioError } from "./frameio-error.js";

/** Base class of every failure to obtain, refresh or revoke an Adobe IMS token. */
export class FrameioAuthError extends FrameioError {
  override name = "FrameioAuthError";
}
