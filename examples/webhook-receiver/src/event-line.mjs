/**
 * One log line per delivery: the event type, the resource it is about, and the ids around it. Deliveries carry ids
 * only; a handler that needs names fetches the resource through the API (after answering, not before).
 */

/** @param {import("@frameio-sdk/kit").WebhookEvent} event */
export function eventLine(event) {
  // The signature proves who sent the body, not its shape: read every field defensively.
  const id = (/** @type {{ id?: unknown } | undefined} */ part) => (typeof part?.id === "string" ? part.id : "-");
  const fields = [
    `${String(event.type)} ${String(event.resource?.type)}/${id(event.resource)}`,
    `account=${id(event.account)}`,
    `workspace=${id(event.workspace)}`,
    ...(event.project ? [`project=${id(event.project)}`] : []),
    `user=${id(event.user)}`,
  ];
  return fields.join(" ");
}
