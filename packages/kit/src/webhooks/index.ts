export { WEBHOOK_EVENT_TYPES, type WebhookEvent, type WebhookEventType } from "./event.js";
export { type SignedWebhookHeaders, type SignWebhookOptions, signWebhook } from "./sign.js";
export { type VerifyWebhookOptions, verifyWebhook, type WebhookHeaders } from "./verify.js";
