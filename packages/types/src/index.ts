/**
 * Types of the Frame.io V4 REST API, generated from openapi/openapi.yaml by openapi-typescript.
 * Types only: importing this package adds nothing to a bundle.
 */
import type { components, operations, webhooks } from "./generated/openapi.js";

export type { components, operations, paths, webhooks } from "./generated/openapi.js";

/** A component schema by name: `Schema<"File">`, `Schema<"Project">`. */
export type Schema<Name extends keyof components["schemas"]> = components["schemas"][Name];

/** Every operation id of the API (`files.show`, `metadata.field_definitions.index`, ...). */
export type OperationId = keyof operations;

/** The JSON body of an operation's first success response. */
export type ResponseBody<Id extends OperationId> = operations[Id] extends { responses: infer R }
  ? R extends { 200: { content: { "application/json": infer B } } }
    ? B
    : R extends { 201: { content: { "application/json": infer B } } }
      ? B
      : R extends { 202: { content: { "application/json": infer B } } }
        ? B
        : undefined
  : never;

/** The JSON request body of an operation (`never` when it takes none). */
export type RequestBody<Id extends OperationId> = operations[Id] extends {
  requestBody?: { content: { "application/json": infer B } };
}
  ? B
  : never;

/** The name of a webhook event type (`file.ready`, `comment.created`, ...). */
export type WebhookEventType = keyof webhooks;

/** The payload Frame.io POSTs for one event type, with `type` narrowed to that event. */
export type WebhookEventOf<T extends WebhookEventType> = webhooks[T]["post"] extends {
  requestBody: { content: { "application/json": infer B } };
}
  ? B
  : never;

/** Any webhook payload: a union discriminated by `type`. */
export type WebhookEvent = { [T in WebhookEventType]: WebhookEventOf<T> }[WebhookEventType];
