// Runs the receiver as a user would (`node src/main.mjs`) and posts deliveries signed with signWebhook: valid,
// tampered with, stale, unparseable and unsigned. Each gets its status, and the valid ones their log line.
import { randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import { signWebhook } from "@frameio-sdk/kit";
import { runCommand, type ServerProgram, startServer } from "examples-shared/child-program.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const MAIN = fileURLToPath(new URL("../src/main.mjs", import.meta.url));
const SEND = fileURLToPath(new URL("../src/send-event.mjs", import.meta.url));
const SECRET = "whsec-test-DO-NOT-LEAK";

let receiver: ServerProgram;

beforeAll(async () => {
  receiver = await startServer(MAIN, { FRAMEIO_WEBHOOK_SECRET: SECRET });
}, 30_000);

afterAll(async () => {
  await receiver?.stop();
});

function fileReady() {
  const ids = {
    resource: randomUUID(),
    account: randomUUID(),
    workspace: randomUUID(),
    project: randomUUID(),
    user: randomUUID(),
  };
  const event = {
    type: "file.ready",
    resource: { type: "file", id: ids.resource },
    account: { id: ids.account },
    workspace: { id: ids.workspace },
    project: { id: ids.project },
    user: { id: ids.user },
  };
  const line = `file.ready file/${ids.resource} account=${ids.account} workspace=${ids.workspace} project=${ids.project} user=${ids.user}`;
  return { body: JSON.stringify(event), line };
}

async function deliver(body: string, headers: Record<string, string>, url = `${receiver.url}/webhook`) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

describe("webhook-receiver", () => {
  it("answers 204 to a correctly signed delivery and logs one line naming the event", async () => {
    const { body, line } = fileReady();
    const result = await deliver(body, await signWebhook({ secret: SECRET, body }));
    expect(result).toEqual({ status: 204, body: undefined });
    expect(await receiver.waitForLine(/^file\.ready /)).toBe(line);
  });

  it("answers 401 with the reason to tampered, stale and unsigned deliveries, and logs no event", async () => {
    const { body } = fileReady();
    const signed = await signWebhook({ secret: SECRET, body });
    const tampered = await deliver(body.replace('"file.ready"', '"file.deleted"'), signed);
    expect(tampered.status).toBe(401);
    expect(tampered.body).toMatchObject({ error: "signature_mismatch" });

    const stale = await signWebhook({ secret: SECRET, body, timestamp: Math.floor(Date.now() / 1000) - 600 });
    expect(await deliver(body, stale)).toMatchObject({ status: 401, body: { error: "timestamp_too_old" } });
    const otherSecret = await signWebhook({ secret: "not-the-secret", body });
    expect(await deliver(body, otherSecret)).toMatchObject({ status: 401, body: { error: "signature_mismatch" } });
    expect(await deliver(body, {})).toMatchObject({ status: 401, body: { error: "missing_timestamp" } });

    await receiver.waitForLine(/^rejected delivery \(401\): missing_timestamp$/); // the last one: all are logged by now
    expect(receiver.stderr).toContain("rejected delivery (401): signature_mismatch");
    expect(receiver.stderr).toContain("rejected delivery (401): timestamp_too_old");
    expect(receiver.stdout).not.toContain("file.deleted");
    expect(receiver.stdout + receiver.stderr).not.toContain(SECRET);
  });

  it("answers 400 to a correctly signed body that is not JSON", async () => {
    const body = "{not json";
    const result = await deliver(body, await signWebhook({ secret: SECRET, body }));
    expect(result).toMatchObject({ status: 400, body: { error: "invalid_json" } });
  });

  it("refuses other methods and paths", async () => {
    expect((await fetch(`${receiver.url}/webhook`)).status).toBe(405);
    const { body } = fileReady();
    expect(await deliver(body, await signWebhook({ secret: SECRET, body }), `${receiver.url}/other`)).toMatchObject({
      status: 404,
    });
  });

  it("prints a local secret when none is set, which the send script signs test deliveries with", async () => {
    const local = await startServer(MAIN);
    try {
      const secret = /using the local secret (\S+)/.exec(await local.waitForLine(/using the local secret/))?.[1];
      expect(secret).toMatch(/^[\w-]{32}$/);
      const sent = await runCommand(SEND, ["--", `${local.url}/webhook`, "comment.created"], {
        FRAMEIO_WEBHOOK_SECRET: secret ?? "",
      });
      expect(sent).toMatchObject({ code: 0, stdout: "204\n" });
      expect(await local.waitForLine(/^comment\.created /)).toMatch(
        /^comment\.created comment\/[0-9a-f-]{36} account=[0-9a-f-]{36} /,
      );
      const wrong = await runCommand(SEND, [`${local.url}/webhook`], { FRAMEIO_WEBHOOK_SECRET: "wrong" });
      expect(wrong.code).toBe(1);
      expect(wrong.stdout).toContain('401 {"error":"signature_mismatch"');
    } finally {
      await local.stop();
    }
  }, 30_000);
});
