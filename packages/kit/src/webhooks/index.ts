export { verifyWebhook, type VerifyWebhookOptions, type WebhookHeaders } from "./verify.js";
export { signWebhook, type SignWebhookOptions, type SignedWebhookHeaders } from "./sign.js";
export { WEBHOOK_EVENT_TYPES, type WebhookEvent, type WebhookEventType } from "./event.js";
