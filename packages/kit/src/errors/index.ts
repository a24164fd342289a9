export { FrameioApiError, type FrameioApiErrorInit, type FrameioErrorDetail } from "./api-error.js";
export { AuthConfigurationError } from "./auth-configuration-error.js";
export { FrameioAuthError } from "./auth-error.js";
export { AuthNetworkError } from "./auth-network-error.js";
export { BadRequestError } from "./bad-request-error.js";
export { ConflictError } from "./conflict-error.js";
export {
  type ConnectionFailurePhase,
  FrameioConnectionError,
  type FrameioConnectionErrorInit,
} from "./connection-error.js";
export { DownloadUnavailableError } from "./download-unavailable-error.js";
export { ForbiddenError } from "./forbidden-error.js";
export { FrameioError } from "./frameio-error.js";
export { apiErrorFor, apiErrorForResponse, apiErrorFromResponse } from "./from-response.js";
export { ImsError, type ImsErrorInit } from "./ims-error.js";
export { InternalServerError } from "./internal-server-error.js";
export { NotFoundError } from "./not-found-error.js";
export { FrameioPaginationError, type PaginationFailure } from "./pagination-error.js";
export { redactHeaders, redactUrl } from "./redact.js";
export { FrameioRedirectError } from "./redirect-error.js";
export { RefreshTokenExpiredError } from "./refresh-token-expired-error.js";
export { RefreshTokenMissingError } from "./refresh-token-missing-error.js";
export { FrameioResponseError } from "./response-error.js";
export { parseRetryAfter } from "./retry-after.js";
export { FrameioTimeoutError } from "./timeout-error.js";
export { TooManyRequestsError } from "./too-many-requests-error.js";
export { UnauthorizedError } from "./unauthorized-error.js";
export { UnprocessableEntityError } from "./unprocessable-entity-error.js";
export { UploadError } from "./upload-error.js";
export { UploadIncompleteError } from "./upload-incomplete-error.js";
export { FrameioValidationError, type ValidationIssue } from "./validation-error.js";
export { WebhookVerificationError, type WebhookVerificationFailure } from "./webhook-verification-error.js";
