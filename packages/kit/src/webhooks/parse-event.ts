import type { ParsedWebhookEvent } from "@frameio-sdk/schemas/webhooks";
import { FrameioValidationError } from "../errors/index.js";
import { validationIssue } from "../internal/invalid-option.js";

/**
 * Parses a verified event with its event type's schema from @frameio-sdk/schemas. The schemas load on the first
 * parsed delivery, so programs that never ask for parsing do not load them.
 */
export async function parseWithEventSchema(event: Record<string, unknown>): Promise<ParsedWebhookEvent> {
  const { webhookEventSchemas, toValidationIssues } = await import("@frameio-sdk/schemas/webhooks");
  const type = event.type;
  const schema = typeof type === "string" ? webhookEventSchemas[type as keyof typeof webhookEventSchemas] : undefined;
  if (!schema) {
    const expected = "a webhook event type the spec lists, e.g. file.ready";
    const received = typeof type === "string" ? JSON.stringify(type) : String(type);
    throw new FrameioValidationError("webhook event", [validationIssue("type", expected, received)]);
  }
  const result = schema.safeParse(event);
  if (!result.success) throw new FrameioValidationError("webhook event", toValidationIssues(result.error, event));
  return result.data as ParsedWebhookEvent;
}
