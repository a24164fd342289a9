/**
 * Frame.io webhook receiver: verifies each delivery's signature and timestamp against the raw body and logs one
 * line per event.
 *
 *   FRAMEIO_WEBHOOK_SECRET=... pnpm --filter webhook-receiver start   # the secret Frame.io returned for the webhook
 *   pnpm --filter webhook-receiver start                              # a random local secret, printed, for test deliveries
 *
 * Optional: PORT (default 8787). It listens on 127.0.0.1 only: to receive from Frame.io, put an HTTPS tunnel or
 * reverse proxy in front and register its URL with /webhook as the path.
 */
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import { closeServer, listenOnLoopback, portFromEnv } from "examples-shared/loopback-server.mjs";
import { runProgram } from "examples-shared/run-program.mjs";
import { createReceiver } from "./receiver.mjs";

await runProgram(
  async ({ onStop }) => {
    let secret = process.env.FRAMEIO_WEBHOOK_SECRET;
    if (!secret) {
      // Safe to print: it protects nothing but this process, and test deliveries must be signed with it.
      secret = randomBytes(24).toString("base64url");
      console.error(`No FRAMEIO_WEBHOOK_SECRET set: using the local secret ${secret}`);
    }
    const server = createServer(createReceiver({ secret, log: console.log, warn: console.error }));
    const origin = await listenOnLoopback(server, portFromEnv(process.env, 8787));
    onStop(() => closeServer(server));
    console.log(`Listening on ${origin}`);
    console.log(`Deliveries go to POST ${origin}/webhook`);
  },
  { keepRunning: true },
);
