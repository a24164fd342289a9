import { jsonOrText } from "../internal/json-or-text.js";
import { FrameioApiError, type FrameioApiErrorInit } from "./api-error.js";
import { BadRequestError } from "./bad-request-error.js";
import { ConflictError } from "./conflict-error.js";
import { ForbiddenError } from "./forbidden-error.js";
import { InternalServerError } from "./internal-server-error.js";
import { NotFoundError } from "./not-found-error.js";
import { parseRetryAfter } from "./retry-after.js";
import { TooManyRequestsError } from "./too-many-requests-error.js";
import { UnauthorizedError } from "./unauthorized-error.js";
import { UnprocessableEntityError } from "./unprocessable-entity-error.js";

const BY_STATUS: Record<number, typeof FrameioApiError> = {
  400: BadRequestError,
  401: UnauthorizedError,
  403: ForbiddenError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
};

/** The error class that matches a status code. */
export function apiErrorFor(init: FrameioApiErrorInit): FrameioApiError {
  if (init.status === 429) {
    return new TooManyRequestsError({ ...init, retryAfterMs: parseRetryAfter(init.headers) });
  }
  if (init.status >= 500) return new InternalServerError(init);
  const ErrorClass = BY_STATUS[init.status] ?? FrameioApiError;
  return new ErrorClass(init);
}

/** Reads a failed response's body (JSON or text) and builds the matching error. */
export async function apiErrorFromResponse(
  response: Response,
  request: { method: string; url: string },
  attempts = 1,
): Promise<FrameioApiError> {
  const text = await response.text().catch(() => "");
  return apiErrorForResponse(response, jsonOrText(text), request, attempts);
}

/** The matching error for a response whose body was already read (or discarded: pass what is left of it). */
export function apiErrorForResponse(
  response: Response,
  body: unknown,
  request: { method: string; url: string },
  attempts = 1,
): FrameioApiError {
  return apiErrorFor({
    status: response.status,
    statusText: response.statusText,
    body,
    headers: response.headers,
    method: request.method,
    url: request.url,
    attempts,
  });
}
