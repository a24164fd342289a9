export { createThrottle, type RateLimit, type Throttle, type ThrottleOptions } from "./throttle.js";
export { TokenBucket } from "./token-bucket.js";
