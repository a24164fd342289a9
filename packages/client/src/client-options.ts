import type { RetryOptions, Throttle, TokenSource } from "@frameio-sdk/kit";
import type { Middleware } from "openapi-fetch";

/** Options of `new FrameioClient(...)`. Every one is optional; defaults match the official SDKs. */
export interface FrameioClientOptions {
  /** A token string, a function returning one, or an auth object from @frameio-sdk/kit (refreshed on 401). */
  token?: TokenSource;
  /**
   * API origin, optionally with a path prefix (`https://proxy.example.com/frameio`). Only http(s) URLs without query,
   * fragment or user-info are accepted. Default `https://api.frame.io`.
   */
  baseUrl?: string;
  /** Retries after the first attempt for 408/429/5xx and connection failures. Default 2. */
  maxRetries?: number;
  /** Finer retry settings (backoff, write policy, onRetry hook); `maxRetries` above wins over `retry.maxRetries`. */
  retry?: Omit<RetryOptions, "fetch">;
  /** Milliseconds per attempt (headers and body); `Infinity` for none. Default 60 000. */
  timeoutMs?: number;
  /** A fetch implementation: proxies, tests, instrumentation. Default `globalThis.fetch`. */
  fetch?: typeof fetch;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
  /** openapi-fetch middleware, applied to resource calls and to `client.http`. */
  middleware?: Middleware[];
  /** Check arguments against the spec before sending. Default true. */
  validateRequests?: boolean;
  /** Check success bodies against the spec. Default false. */
  validateResponses?: boolean;
  /**
   * Wait client-side instead of collecting 429s: `true` for every operation's published limit, or a throttle from
   * `createThrottle` (see @frameio-sdk/kit) for your own limits or a budget shared across processes.
   */
  throttle?: Throttle | boolean;
}
