import { FrameioApiError } from "./api-error.js";

/** The API answered 409. */
export class ConflictError extends FrameioApiError {
  override name = "ConflictError";
}
