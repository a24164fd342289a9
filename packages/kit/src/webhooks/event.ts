import type { WebhookEventType as SpecEventType, WebhookEventOf } from "@frameio-sdk/types";
import { webhookEventTypes } from "../generated/spec-facts.js";

/**
 * The event names accepted by the create-webhook call, generated from the spec. The Webhooks guide lists fewer (it
 * omits `file.copied` and `folder.copied`); the API reference is the fuller list.
 */
export const WEBHOOK_EVENT_TYPES = webhookEventTypes;

/** The name of a webhook event type (`file.ready`, `comment.created`, ...). */
export type WebhookEventType = SpecEventType;

/**
 * The body Frame.io POSTs to a webhook URL, typed from the spec: a union discriminated by `type`;
 * `WebhookEvent<"file.ready">` names one kind. Deliveries carry ids only: fetch the resource for its details.
 */
export type WebhookEvent<TType extends WebhookEventType = WebhookEventType> = WebhookEventOf<TType>;
