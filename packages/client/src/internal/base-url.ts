import type { ValidationIssue } from "@frameio-sdk/kit";
import { redactUrl, validationIssue } from "@frameio-sdk/kit/internal";

const EXPECTED = "an http(s) URL without user-info, query or fragment (an origin, optionally with a path prefix)";

/**
 * Checks `baseUrl`: an `http:`/`https:` origin, optionally with a path prefix. A query or fragment would swallow
 * every API path, user-info would put a password in every error message, and other schemes (`file:`,
 * `javascript:`) are not the API. Returns the URL without trailing slashes, or the issue.
 */
export function checkBaseUrl(value: unknown): string | ValidationIssue {
  // Never echo user-info: the URL is shown in the issue.
  const shown = typeof value === "string" ? JSON.stringify(redactUrl(value)) : value === null ? "null" : typeof value;
  const refused = validationIssue("baseUrl", EXPECTED, shown);
  if (typeof value !== "string" || !URL.canParse(value)) return refused;
  const url = new URL(value);
  if (url.protocol !== "http:" && url.protocol !== "https:") return refused;
  if (url.username || url.password || value.includes("?") || value.includes("#")) return refused;
  return `${url.origin}${url.pathname}`.replace(/\/+$/, "");
}
