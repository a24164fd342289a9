import { describe, expect, it } from "vitest";

/**
 * The runtime names each entry exports, sorted. A change here is a change of the package's surface: the main
 * entry is a semver promise, `internal` is for @frameio-sdk/client only. Update with `vitest run -u` when a name is
 * added on purpose.
 */
const names = (module: object) => Object.keys(module).sort();

describe("exports", () => {
  it("@frameio-sdk/kit", async () => {
    expect(names(await import("../src/index.js"))).toMatchInlineSnapshot(`
      [
        "AuthConfigurationError",
        "AuthNetworkError",
        "AuthorizationRequest",
        "BadRequestError",
        "ConflictError",
        "DEFAULT_MAX_HEADER_WAIT_MS",
        "DownloadUnavailableError",
        "ForbiddenError",
        "FrameioApiError",
        "FrameioAuthError",
        "FrameioConnectionError",
        "FrameioError",
        "FrameioPaginationError",
        "FrameioRedirectError",
        "FrameioResponseError",
        "FrameioTimeoutError",
        "FrameioValidationError",
        "ImsAuth",
        "ImsError",
        "InternalServerError",
        "MAX_EMPTY_PAGES_IN_A_ROW",
        "NativeAppAuth",
        "NotFoundError",
        "Pager",
        "PublicClientAuth",
        "RATE_MARGIN",
        "RETRY_DEFAULTS",
        "RefreshTokenExpiredError",
        "RefreshTokenMissingError",
        "SPAAuth",
        "ServerToServerAuth",
        "ThrottleStoreError",
        "TooManyRequestsError",
        "UnauthorizedError",
        "UnprocessableEntityError",
        "UploadError",
        "UploadIncompleteError",
        "WEBHOOK_EVENT_TYPES",
        "WebAppAuth",
        "WebhookVerificationError",
        "attemptsOf",
        "createMemoryStore",
        "createThrottle",
        "cursorFromNext",
        "paginate",
        "publishedRateLimits",
        "retry",
        "signWebhook",
        "verifyWebhook",
      ]
    `);
  });

  it("@frameio-sdk/kit/internal", async () => {
    expect(names(await import("../src/internal.js"))).toMatchInlineSnapshot(`
      [
        "MAX_REDIRECTS",
        "MAX_RETRIES_LIMIT",
        "MAX_TIMER_MS",
        "TIMEOUT_EXPECTED",
        "apiErrorFromResponse",
        "attemptsOf",
        "boundedDelay",
        "checkTokenSource",
        "checkedToken",
        "createTransport",
        "currentToken",
        "invalidOption",
        "invalidateToken",
        "isRetryableStatus",
        "isTimeoutMs",
        "isTokenProvider",
        "readJsonBody",
        "redactUrl",
        "requestMayHaveBeenSent",
        "resolveRetryPolicy",
        "responseOfReadBody",
        "runWithRetry",
        "tokenIdentity",
        "validateCallOptions",
        "validationIssue",
      ]
    `);
  });
});
