import type { WebhookEventOf, WebhookEventType as SpecEventType } from "@frameio-sdk/types";

/**
 * The 30 event names accepted by the create-webhook call. The Webhooks guide lists 28 (it omits `file.copied` and
 * `folder.copied`); the API reference is the fuller list.
 */
export const WEBHOOK_EVENT_TYPES = [
  "file.created",
  "file.deleted",
  "file.ready",
  "file.updated",
  "file.upload.completed",
  "file.versioned",
  "file.copied",
  "folder.created",
  "folder.deleted",
  "folder.updated",
  "folder.copied",
  "comment.completed",
  "comment.created",
  "comment.deleted",
  "comment.uncompleted",
  "comment.updated",
  "customfield.created",
  "customfield.updated",
  "customfield.deleted",
  "metadata.value.updated",
  "project.created",
  "project.deleted",
  "project.updated",
  "collection.created",
  "collection.updated",
  "collection.deleted",
  "share.created",
  "share.updated",
  "share.deleted",
  "share.viewed",
] as const;

// The payload types come from the spec's `webhooks:` section; this list is the runtime copy, kept equal to it.
type Exactly<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameAsSpec: Exactly<(typeof WEBHOOK_EVENT_TYPES)[number], SpecEventType> = true;
void sameAsSpec;

/** The name of a webhook event type (`file.ready`, `comment.created`, ...). */
export type WebhookEventType = SpecEventType;

/**
 * The body Frame.io POSTs to a webhook URL, typed from the spec: a union discriminated by `type`;
 * `WebhookEvent<"file.ready">` names one kind. Deliveries carry ids only: fetch the resource for its details.
 */
export type WebhookEvent<TType extends WebhookEventType = WebhookEventType> = WebhookEventOf<TType>;
