import type { ValidationIssue } from "../errors/index.js";
import { isTimeoutMs, TIMEOUT_EXPECTED } from "../internal/call-options.js";
import { invalidOption } from "../internal/invalid-option.js";

/** The options every transfer (part uploads, downloads) takes, checked the same way before any byte moves. */
export function checkTransferOptions(options: { timeoutMs?: unknown; onProgress?: unknown }): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (options.timeoutMs !== undefined && !isTimeoutMs(options.timeoutMs)) {
    issues.push(invalidOption("timeoutMs", TIMEOUT_EXPECTED, options.timeoutMs));
  }
  if (options.onProgress !== undefined && typeof options.onProgress !== "function") {
    issues.push(invalidOption("onProgress", "a function", options.onProgress));
  }
  return issues;
}
