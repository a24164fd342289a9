import type { RetryPolicy, Throttle, TokenSource } from "@frameio-sdk/kit";
import type { Middleware } from "openapi-fetch";

/** Everything a call needs from its client, resolved once at construction. */
export interface ClientContext {
  baseUrl: string;
  fetch: typeof fetch;
  /** No `fetch` option: calls go to `globalThis.fetch`, looked up on each call. */
  nativeFetch: boolean;
  token: TokenSource | undefined;
  headers: Record<string, string>;
  timeoutMs: number;
  retry: RetryPolicy;
  middleware: readonly Middleware[];
  validateRequests: boolean;
  validateResponses: boolean;
  throttle: Throttle | undefined;
}
