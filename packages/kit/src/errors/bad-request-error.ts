import { FrameioApiError } from "./api-error.js";

/** The API answered 400. */
export class BadRequestError extends FrameioApiError {
  override name = "BadRequestError";
}
