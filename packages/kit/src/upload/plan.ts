import { FrameioValidationError, type ValidationIssue } from "../errors/index.js";
import { isHttpUrl } from "../internal/http-url.js";
import { invalidOption, validationIssue } from "../internal/invalid-option.js";
import { MAX_RETRIES_LIMIT } from "../retry/policy.js";
import { isUploadSource } from "./source.js";
import { checkTransferOptions } from "./transfer-options.js";
import type { UploadPartsOptions } from "./upload-parts.js";

/** One entry of a file's `upload_urls`: where to PUT the next `size` bytes. */
export interface UploadPart {
  url: string;
  size: number;
}

export const DEFAULT_CONCURRENCY = 5;
export const DEFAULT_MAX_RETRIES_PER_PART = 3;
const MAX_CONCURRENCY = 64;
const MAX_LISTED_ISSUES = 5;

/** The checked, ready-to-run shape of an upload: where each part starts and how hard to push. */
export interface PartPlan {
  starts: number[];
  sizes: number[];
  concurrency: number;
  maxRetries: number;
}

/**
 * Refuses an upload that could not succeed before a single byte is sent: part sizes that do not add up to the
 * source (Frame.io would stitch a corrupt file), unusable URLs, a content type that is not a header value.
 */
export function planParts(
  options: Pick<
    UploadPartsOptions,
    "source" | "parts" | "contentType" | "concurrency" | "maxRetriesPerPart" | "timeoutMs"
  >,
): PartPlan {
  const issues: ValidationIssue[] = [];
  const { source, parts, contentType } = options;
  if (!isUploadSource(source)) issues.push(validationIssue("source", "an UploadSource", typeof source));

  const starts: number[] = [];
  const sizes: number[] = [];
  if (!Array.isArray(parts) || parts.length === 0) {
    issues.push(
      validationIssue("parts", "a non-empty array of { url, size }", Array.isArray(parts) ? "[]" : typeof parts),
    );
  } else {
    let offset = 0;
    let partIssues = 0;
    parts.forEach((part, index) => {
      const bad = (issue: ValidationIssue) => {
        if (partIssues++ < MAX_LISTED_ISSUES) issues.push(issue);
      };
      if (!Number.isSafeInteger(part?.size) || part.size < 1) {
        bad(invalidOption(`parts[${index}].size`, "a whole number of bytes >= 1", part?.size));
      }
      if (!isHttpUrl(part?.url)) {
        // Never echo the value: a pre-signed URL is a credential.
        const received = typeof part?.url === "string" ? "a string that is not an http(s) URL" : typeof part?.url;
        bad(validationIssue(`parts[${index}].url`, "an absolute http(s) URL", received));
      }
      starts.push(offset);
      sizes.push(part?.size ?? 0);
      offset += Number.isSafeInteger(part?.size) ? part.size : 0;
    });
    if (partIssues > MAX_LISTED_ISSUES) {
      issues.push({
        path: "parts",
        expected: "valid parts",
        received: `${partIssues} bad values`,
        message: `and ${partIssues - MAX_LISTED_ISSUES} more bad part values`,
      });
    }
    if (isUploadSource(source) && offset !== source.size) {
      const received = `${offset} bytes in ${parts.length} parts`;
      issues.push(validationIssue("parts", `sizes adding up to the source's ${source.size} bytes`, received));
    }
  }

  if (typeof contentType !== "string" || contentType.trim() === "" || /[\r\n]/.test(contentType)) {
    issues.push(invalidOption("contentType", "the file's media_type, e.g. video/mp4", contentType));
  }
  issues.push(...checkTuning(options));
  if (issues.length > 0) throw new FrameioValidationError("uploadParts", issues);
  return {
    starts,
    sizes,
    concurrency: options.concurrency ?? DEFAULT_CONCURRENCY,
    maxRetries: options.maxRetriesPerPart ?? DEFAULT_MAX_RETRIES_PER_PART,
  };
}

/** The knobs shared by `uploadParts` and `files.upload`, checked before the file is even created. */
export function checkTuning(options: {
  concurrency?: number;
  maxRetriesPerPart?: number;
  onProgress?: unknown;
  timeoutMs?: number;
}): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const { concurrency = DEFAULT_CONCURRENCY, maxRetriesPerPart = DEFAULT_MAX_RETRIES_PER_PART } = options;
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > MAX_CONCURRENCY) {
    issues.push(invalidOption("concurrency", `an integer from 1 to ${MAX_CONCURRENCY}`, concurrency));
  }
  if (!Number.isInteger(maxRetriesPerPart) || maxRetriesPerPart < 0 || maxRetriesPerPart > MAX_RETRIES_LIMIT) {
    issues.push(invalidOption("maxRetriesPerPart", `an integer from 0 to ${MAX_RETRIES_LIMIT}`, maxRetriesPerPart));
  }
  issues.push(...checkTransferOptions(options));
  return issues;
}
