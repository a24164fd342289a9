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

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** A reference by id; deliveries carry ids only, so fetch the resource through the API for its details. */
export interface WebhookRef {
  id: string;
}

/**
 * The body Frame.io POSTs to a webhook URL. Narrow it with `event.type`; `WebhookEvent<"file.ready">` names one kind.
 * `project` is absent for events that belong to no project (custom fields, for example).
 */
export interface WebhookEvent<TType extends string = WebhookEventType> {
  type: TType;
  resource: { type: string; id: string };
  account: WebhookRef;
  workspace: WebhookRef;
  project?: WebhookRef;
  user: WebhookRef;
}
