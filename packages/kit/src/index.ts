// The public surface (a semver promise). Plumbing the client needs lives in `./internal.ts`
// (`@frameio-sdk/kit/internal`); uploads and downloads are the `@frameio-sdk/kit/upload` subpath.
// Transitional, not public: `apiErrorFromResponse`, `redactUrl`, `isTokenProvider`, `resolveRetryPolicy` and
// `runWithRetry` stay here only until @frameio-sdk/client imports them from the internal entry; then remove them.
// (Biome keeps the exports sorted, so they cannot sit in a block of their own.)

export {
  type AuthOptions,
  AuthorizationRequest,
  type ExportedTokens,
  ImsAuth,
  NativeAppAuth,
  type NativeAppAuthOptions,
  PublicClientAuth,
  ServerToServerAuth,
  type ServerToServerAuthOptions,
  SPAAuth,
  type SPAAuthOptions,
  type TokenProvider,
  type TokenSource,
  type UserAuthOptions,
  WebAppAuth,
  type WebAppAuthOptions,
} from "./auth/index.js";
export { isTokenProvider } from "./auth/token-source.js";
export {
  AuthConfigurationError,
  AuthNetworkError,
  apiErrorFromResponse,
  BadRequestError,
  ConflictError,
  DownloadUnavailableError,
  ForbiddenError,
  FrameioApiError,
  type FrameioApiErrorInit,
  FrameioAuthError,
  FrameioConnectionError,
  FrameioError,
  type FrameioErrorDetail,
  FrameioPaginationError,
  FrameioRedirectError,
  FrameioResponseError,
  FrameioTimeoutError,
  FrameioValidationError,
  ImsError,
  type ImsErrorInit,
  InternalServerError,
  NotFoundError,
  type PaginationFailure,
  RefreshTokenExpiredError,
  RefreshTokenMissingError,
  redactUrl,
  TooManyRequestsError,
  UnauthorizedError,
  UnprocessableEntityError,
  UploadError,
  UploadIncompleteError,
  type ValidationIssue,
  WebhookVerificationError,
  type WebhookVerificationFailure,
} from "./errors/index.js";
export { attemptsOf } from "./internal/attempts.js";
export * from "./pagination/index.js";
export {
  type NonIdempotentRetry,
  RETRY_DEFAULTS,
  type RetryDecisionContext,
  type RetryEvent,
  type RetryFetchOptions,
  type RetryOptions,
  type RetryPolicy,
  type RetryRequestInit,
  retry,
  type Sleep,
} from "./retry/index.js";
export { resolveRetryPolicy } from "./retry/policy.js";
export { runWithRetry } from "./retry/run-with-retry.js";
export * from "./throttle/index.js";
export * from "./webhooks/index.js";
