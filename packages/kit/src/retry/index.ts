// The kit's own barrel for retry; the main entry picks its public names explicitly.

export type { Sleep } from "../internal/sleep.js";
export { isRetryableStatus, requestMayHaveBeenSent } from "./classify.js";
export {
  type NonIdempotentRetry,
  RETRY_DEFAULTS,
  type RetryDecisionContext,
  type RetryEvent,
  type RetryOptions,
  type RetryPolicy,
  resolveRetryPolicy,
} from "./policy.js";
export { type RetryFetchOptions, type RetryRequestInit, retry } from "./retry-fetch.js";
export { type RetryHooks, type RetryRequest, runWithRetry } from "./run-with-retry.js";
