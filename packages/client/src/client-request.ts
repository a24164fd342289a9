import { FrameioValidationError } from "@frameio-sdk/kit";
import { validationIssue } from "@frameio-sdk/kit/internal";
import type { QueryValue, RequestOptions } from "./operation-types.js";

/** `client.request(...)`: a request to any path of the Frame.io API, for operations the SDK does not cover yet. */
export interface ApiRequest {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** A path on the API (`/v4/me`), or an absolute URL on the client's `baseUrl` origin; nothing else is sent. */
  path: string;
  query?: Record<string, QueryValue>;
  /** Sent as JSON. */
  body?: unknown;
  headers?: Record<string, string>;
}

const METHODS = new Set(["GET", "POST", "PUT", "PATCH", "DELETE"]);

/**
 * Checks a `client.request` and returns the path to send, relative to `baseUrl`, with the query parameters of
 * the path (if any) merged under `request.query`. An absolute URL is accepted only on the API's origin (and under
 * its path prefix): the token must never go anywhere else.
 */
export function checkedRequestPath(
  request: ApiRequest,
  baseUrl: string,
): { path: string; query: Record<string, QueryValue> } {
  const issue = (path: string, expected: string, received: string) =>
    new FrameioValidationError("client.request", [validationIssue(path, expected, received)]);
  if (typeof request !== "object" || request === null) throw issue("request", "an object", String(request));
  if (!METHODS.has(request.method))
    throw issue("method", "one of GET, POST, PUT, PATCH, DELETE", String(request.method));
  const { path } = request;
  if (typeof path !== "string" || path === "") throw issue("path", "a path such as /v4/me", typeof path);
  const base = new URL(`${baseUrl}/`);
  const relative = path.startsWith("/") && !path.startsWith("//");
  const target = relative ? new URL(`.${path}`, base) : URL.canParse(path) ? new URL(path) : undefined;
  if (!target || target.origin !== base.origin || !target.pathname.startsWith(base.pathname) || target.username) {
    throw issue("path", `a path starting with / or a URL under ${baseUrl}`, "a URL elsewhere");
  }
  const query = { ...Object.fromEntries(target.searchParams), ...request.query };
  return { path: `/${target.pathname.slice(base.pathname.length)}`, query };
}

/** The request's own headers over the call options' headers. */
export function requestOptions(request: ApiRequest, options: RequestOptions | undefined): RequestOptions | undefined {
  if (!request.headers) return options;
  return { ...options, headers: { ...options?.headers, ...request.headers } };
}
