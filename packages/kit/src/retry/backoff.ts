import { readRateLimitHeaders } from "../internal/rate-limit-headers.js";
import type { RetryPolicy } from "./policy.js";

/** Frame.io's guide: after a 429, wait at least one second before the next call. */
export const RATE_LIMIT_FLOOR_MS = 1_000;

/**
 * Wait before retry number `retry` (1 for the first retry) after a 5xx, 408 or connection failure:
 * equal jitter over an exponential ceiling, `ceiling/2 + random * ceiling/2`, ceiling = min(max, base * 2^(retry-1)).
 */
export function backoffDelay(retry: number, policy: RetryPolicy): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return Math.round(ceiling / 2 + random(policy) * (ceiling / 2));
}

/**
 * Wait after a 429 that named no wait: at least 1 s doubling per retry (the guide's rule), at least the time the
 * server's leaky bucket takes to free one call (`x-ratelimit-window` / `x-ratelimit-limit`), plus up to 50% jitter
 * so a burst of throttled callers does not return in lockstep. Capped by `maxDelayMs`, so a huge
 * `x-ratelimit-window` cannot stall a call, but never below the 1 s floor.
 */
export function rateLimitDelay(retry: number, policy: RetryPolicy, headers: Headers): number {
  const floor = Math.max(RATE_LIMIT_FLOOR_MS * 2 ** (retry - 1), refillIntervalMs(headers) ?? 0);
  const jittered = Math.min(policy.maxDelayMs, floor * (1 + random(policy) / 2));
  return Math.round(Math.max(RATE_LIMIT_FLOOR_MS, jittered));
}

/**
 * The wait after a retryable status: a server-given wait when there is one (for a 429 never below 1 s, whatever
 * `Retry-After: 0`, a negative value or a past date say), else the computed backoff.
 */
export function statusDelay(
  retry: number,
  policy: RetryPolicy,
  status: number,
  headers: Headers,
  retryAfterMs?: number,
): number {
  if (status !== 429) return retryAfterMs ?? backoffDelay(retry, policy);
  return retryAfterMs === undefined
    ? rateLimitDelay(retry, policy, headers)
    : Math.max(RATE_LIMIT_FLOOR_MS, retryAfterMs);
}

/** Milliseconds for one call's worth of allowance to come back, from Frame.io's rate-limit headers. */
export function refillIntervalMs(headers: Headers): number | undefined {
  const { limit, windowMs } = readRateLimitHeaders(headers);
  if (limit === undefined || windowMs === undefined || limit === 0 || windowMs === 0) return undefined;
  return windowMs / limit;
}

function random(policy: RetryPolicy): number {
  const value = (policy.random ?? Math.random)();
  return Math.min(Math.max(value, 0), 1);
}
