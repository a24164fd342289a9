export { type WebhookEventType, webhookEventSchemas } from "./generated/webhook-event-schemas.js";
