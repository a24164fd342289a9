import type * as z from "zod/mini";
import { type WebhookEventType, webhookEventSchemas } from "./generated/webhook-event-schemas.js";

export { toValidationIssues, type ValidationIssue } from "./validation-issues.js";
export { type WebhookEventType, webhookEventSchemas };

/** A webhook event payload as its event schema parses it: a union discriminated by `type`. */
export type ParsedWebhookEvent<TType extends WebhookEventType = WebhookEventType> = {
  [K in TType]: z.output<(typeof webhookEventSchemas)[K]>;
}[TType];
