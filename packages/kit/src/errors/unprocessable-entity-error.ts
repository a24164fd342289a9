import { FrameioApiError } from "./api-error.js";

/** The API answered 422. */
export class UnprocessableEntityError extends FrameioApiError {
  override name = "UnprocessableEntityError";
}
