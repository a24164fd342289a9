/** Frame.io's rate-limit headers on one response; each member only when its header is a finite number >= 0. */
export interface RateLimitHeaders {
  /** `x-ratelimit-limit`: calls allowed per window. */
  limit?: number;
  /** `x-ratelimit-remaining`: calls left in the current window. */
  remaining?: number;
  /** `x-ratelimit-window`: the window, in ms. */
  windowMs?: number;
}

/** Reads the rate-limit headers the throttle and the 429 backoff both go by; garbled values are left out. */
export function readRateLimitHeaders(headers: Headers): RateLimitHeaders {
  const read: RateLimitHeaders = {};
  const limit = headerNumber(headers, "x-ratelimit-limit");
  const remaining = headerNumber(headers, "x-ratelimit-remaining");
  const windowMs = headerNumber(headers, "x-ratelimit-window");
  if (limit !== undefined) read.limit = limit;
  if (remaining !== undefined) read.remaining = remaining;
  if (windowMs !== undefined) read.windowMs = windowMs;
  return read;
}

function headerNumber(headers: Headers, name: string): number | undefined {
  const raw = headers.get(name);
  if (raw === null || raw.trim() === "") return undefined;
  const value = Number(raw);
  return Number.isFinite(value) && value >= 0 ? value : undefined;
}
