import { FrameioApiError } from "./api-error.js";

/** The API answered 401. */
export class UnauthorizedError extends FrameioApiError {
  override name = "UnauthorizedError";
}
