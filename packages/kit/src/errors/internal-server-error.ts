import { FrameioApiError } from "./api-error.js";

/** The API answered with a 5xx status. */
export class InternalServerError extends FrameioApiError {
  override name = "InternalServerError";
}
