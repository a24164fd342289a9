import { FrameioValidationError, type ValidationIssue } from "../errors/index.js";
import { specBounds } from "../generated/spec-facts.js";
import { httpUrl } from "../internal/http-url.js";
import { invalidOption } from "../internal/invalid-option.js";
import { DEFAULT_BASE_URL } from "./next-link.js";

export interface PagerOptions {
  /** Items per page (1-500), forwarded to every page request via `query`. Server default: 50. */
  page_size?: number;
  /** Ask for `total_count` (forwarded via `query`); read it with `pager.totalCount()`. */
  include_total_count?: boolean;
  /** Stop after this many items; no page beyond the one that reaches it is requested. */
  maxItems?: number;
  /** Stop after this many pages. */
  maxPages?: number;
  /** Request the next page as soon as the current one arrives, while the caller works on it. Default false. */
  prefetch?: boolean;
  /** Cancels the page in flight and ends iteration with the signal's reason. */
  signal?: AbortSignal;
  /**
   * The API base URL the pages come from (default `https://api.frame.io`). Relative `links.next` resolve against
   * its origin; a link to any other origin ends paging with FrameioPaginationError and is never requested.
   */
  baseUrl?: string;
}

export interface ResolvedPagerOptions {
  page_size: number | undefined;
  include_total_count: boolean | undefined;
  maxItems: number;
  maxPages: number;
  prefetch: boolean;
  signal: AbortSignal | undefined;
  baseUrl: string;
}

/** Validates pager options up front so a bad `page_size` fails before any request, naming the field. */
export function resolvePagerOptions(options: PagerOptions = {}): ResolvedPagerOptions {
  const issues: ValidationIssue[] = [];
  const count = (field: "page_size" | "maxItems" | "maxPages", max = Number.MAX_SAFE_INTEGER) => {
    const value = options[field];
    if (value === undefined) return undefined;
    if (typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= max) return value;
    const expected = max === Number.MAX_SAFE_INTEGER ? "an integer >= 1" : `an integer from 1 to ${max}`;
    issues.push(invalidOption(field, expected, value));
    return undefined;
  };
  const flag = (field: "include_total_count" | "prefetch") => {
    const value = options[field];
    if (value === undefined || typeof value === "boolean") return value;
    issues.push(invalidOption(field, "a boolean", value));
    return undefined;
  };
  const resolved: ResolvedPagerOptions = {
    // The largest page any list takes (folder listings); the server enforces each operation's own, smaller bound.
    page_size: count("page_size", specBounds.maxPageSize),
    include_total_count: flag("include_total_count"),
    maxItems: count("maxItems") ?? Number.POSITIVE_INFINITY,
    maxPages: count("maxPages") ?? Number.POSITIVE_INFINITY,
    prefetch: flag("prefetch") ?? false,
    signal: options.signal,
    baseUrl: httpOrigin(options.baseUrl, issues),
  };
  if (options.signal !== undefined && !(options.signal instanceof AbortSignal)) {
    issues.push(invalidOption("signal", "an AbortSignal", options.signal));
  }
  if (issues.length > 0) throw new FrameioValidationError("pagination options", issues);
  return resolved;
}

function httpOrigin(value: unknown, issues: ValidationIssue[]): string {
  if (value === undefined) return DEFAULT_BASE_URL;
  const url = httpUrl(value);
  if (url !== undefined) return url.href;
  issues.push(invalidOption("baseUrl", "an http(s) URL", value));
  return DEFAULT_BASE_URL;
}
