import { FrameioApiError, FrameioError, FrameioValidationError } from "@frameio-sdk/client";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";

/** A successful result: the value as structuredContent (always an object, as MCP requires) and a summary. */
export function successResult(value: unknown, summary: string, jsonText = false): CallToolResult {
  const structured =
    typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : { result: value ?? null };
  const text = jsonText ? `${summary}\n${JSON.stringify(structured)}` : summary;
  return { content: [{ type: "text", text }], structuredContent: structured };
}

/** A tool error with a one-line explanation (isError: true), for problems found before calling the client. */
export function refusal(message: string, details: Record<string, unknown> = {}): CallToolResult {
  return {
    isError: true,
    content: [{ type: "text", text: message }],
    structuredContent: { error: { message, ...details } },
  };
}

/**
 * A failed call as a tool error. Validation errors name each field and what was expected; API errors carry the
 * status and the API's `errors`. Only the error's own (redacted) message and fields are used, never the request.
 */
export function errorResult(error: unknown): CallToolResult {
  if (error instanceof FrameioValidationError) {
    return refusal(error.message, { type: error.name, operation: error.operation, issues: error.issues });
  }
  if (error instanceof FrameioApiError) {
    return refusal(error.message, { type: error.name, status: error.status, errors: error.errors });
  }
  if (error instanceof FrameioError) return refusal(error.message, { type: error.name });
  if (error instanceof Error && error.name === "AbortError")
    return refusal("The call was cancelled.", { type: "AbortError" });
  return refusal(error instanceof Error ? error.message : String(error), {
    type: error instanceof Error ? error.name : "Error",
  });
}
