import type { RetryPolicy, Throttle, TokenSource } from "@frameio-sdk/kit";
import type { Middleware } from "openapi-fetch";

/** Everything the client needs from its options, checked and resolved once at construction. */
export interface ClientContext {
  /** An http(s) origin with an optional path prefix, without a trailing slash. */
  baseUrl: string;
  /** The caller's fetch; undefined means `globalThis.fetch`, looked up on each call. */
  fetch: typeof fetch | undefined;
  token: TokenSource | undefined;
  headers: Record<string, string>;
  timeoutMs: number;
  retry: RetryPolicy;
  middleware: readonly Middleware[];
  validateRequests: boolean;
  validateResponses: boolean;
  throttle: Throttle | undefined;
}
