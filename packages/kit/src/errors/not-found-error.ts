import { FrameioApiError } from "./api-error.js";

/** The API answered 404. */
export class NotFoundError extends FrameioApiError {
  override name = "NotFoundError";
}
