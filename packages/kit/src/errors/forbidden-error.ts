import { FrameioApiError } from "./api-error.js";

/** The API answered 403. */
export class ForbiddenError extends FrameioApiError {
  override name = "ForbiddenError";
}
