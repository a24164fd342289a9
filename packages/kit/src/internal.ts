/**
 * `@frameio-sdk/kit/internal`: the transport pipeline and helpers `@frameio-sdk/client` is built on.
 * For the SDK's own packages only: no semver promise, anything here may change in any release.
 */

export { isTokenProvider } from "./auth/token-source.js";
export { apiErrorFromResponse, redactUrl } from "./errors/index.js";
export { attemptsOf } from "./internal/attempts.js";
export { checkedToken, checkTokenSource, currentToken, invalidateToken } from "./internal/bearer-token.js";
export type { BodyHandOver } from "./internal/body-hand-over.js";
export { responseOfReadBody } from "./internal/buffered-body.js";
export { isTimeoutMs, TIMEOUT_EXPECTED, validateCallOptions } from "./internal/call-options.js";
export { invalidOption, validationIssue } from "./internal/invalid-option.js";
export { readJsonBody } from "./internal/json-body.js";
export { MAX_REDIRECTS, type RedirectPolicy } from "./internal/redirect.js";
export { boundedDelay, MAX_TIMER_MS } from "./internal/timer-cap.js";
export { type CallOptions, createTransport, type Transport, type TransportOptions } from "./internal/transport.js";
export { isRetryableStatus, requestMayHaveBeenSent } from "./retry/classify.js";
export { MAX_RETRIES_LIMIT, resolveRetryPolicy } from "./retry/policy.js";
export { type RetryHooks, type RetryRequest, runWithRetry } from "./retry/run-with-retry.js";
export { tokenIdentity } from "./throttle/token-identity.js";
