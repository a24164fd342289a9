export { publishedRateLimits } from "../generated/spec-facts.js";
export { createMemoryStore } from "./memory-store.js";
export { DEFAULT_MAX_HEADER_WAIT_MS, RATE_MARGIN, type RateLimit } from "./rules.js";
export type { SharedTokenStore, ThrottleStore } from "./store.js";
export { createThrottle, type Throttle, type ThrottleOptions } from "./throttle.js";
export { ThrottleStoreError } from "./throttle-store-error.js";
