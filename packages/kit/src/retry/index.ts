export {
  resolveRetryPolicy,
  RETRY_DEFAULTS,
  type NonIdempotentRetry,
  type RetryDecisionContext,
  type RetryEvent,
  type RetryOptions,
  type RetryPolicy,
} from "./policy.js";
export { runWithRetry, type RetryRequest } from "./run-with-retry.js";
export { retry, attemptsOf, type RetryFetchOptions, type RetryRequestInit } from "./retry-fetch.js";
export { isRetryableStatus, requestMayHaveBeenSent } from "./classify.js";
export type { Sleep } from "../internal/sleep.js";
