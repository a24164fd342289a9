// The public surface (a semver promise). Plumbing the client needs lives in `./internal.ts`
// (`@frameio-sdk/kit/internal`); uploads and downloads are the `@frameio-sdk/kit/upload` subpath, the Redis store
// `@frameio-sdk/kit/redis`.

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
export {
  AuthConfigurationError,
  AuthNetworkError,
  BadRequestError,
  ConflictError,
  type ConnectionFailurePhase,
  DownloadUnavailableError,
  ForbiddenError,
  FrameioApiError,
  type FrameioApiErrorInit,
  FrameioAuthError,
  FrameioConnectionError,
  type FrameioConnectionErrorInit,
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
export * from "./throttle/index.js";
export * from "./webhooks/index.js";
