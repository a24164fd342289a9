/**
 * Sends one test delivery to a receiver, signed as Frame.io signs them (signWebhook), with made-up ids:
 *
 *   FRAMEIO_WEBHOOK_SECRET=... pnpm --filter webhook-receiver send -- [url] [event-type]
 *
 * Defaults: http://127.0.0.1:8787/webhook and file.ready. Prints the receiver's status and body.
 */
import { randomUUID } from "node:crypto";
import { signWebhook, WEBHOOK_EVENT_TYPES } from "@frameio-sdk/kit";
import { programArgs, runProgram } from "examples-shared/run-program.mjs";

await runProgram(async () => {
  const [url = "http://127.0.0.1:8787/webhook", type = "file.ready", ...extra] = programArgs();
  const secret = process.env.FRAMEIO_WEBHOOK_SECRET;
  if (!secret) throw new Error("Set FRAMEIO_WEBHOOK_SECRET to the receiver's secret.");
  if (extra.length > 0 || !(/** @type {readonly string[]} */ (WEBHOOK_EVENT_TYPES).includes(type))) {
    throw new Error(`Usage: send -- [url] [event-type]; event types: ${WEBHOOK_EVENT_TYPES.join(", ")}`);
  }
  const body = JSON.stringify({
    type,
    resource: { type: type.split(".")[0], id: randomUUID() },
    account: { id: randomUUID() },
    workspace: { id: randomUUID() },
    project: { id: randomUUID() },
    user: { id: randomUUID() },
  });
  const signature = await signWebhook({ secret, body });
  const response = await fetch(url, {
    method: "POST",
    headers: { ...signature, "content-type": "application/json" },
    body,
  });
  console.log(`${response.status} ${await response.text()}`.trimEnd());
  if (!response.ok) process.exitCode = 1;
});
