import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { inspect } from "node:util";
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import {
  FrameioValidationError,
  signWebhook,
  verifyWebhook,
  WEBHOOK_EVENT_TYPES,
  type WebhookEvent,
  WebhookVerificationError,
  type WebhookVerificationFailure,
} from "../src/index.js";

const SECRET = "whsec-test-5f2b8c1e9a7d4e3b";
const NOW_S = 1_704_067_200; // 2024-01-01T00:00:00Z
const now = () => NOW_S * 1000;
const EVENT = {
  type: "file.ready",
  resource: { type: "file", id: "0b7e3b6e-5d2a-4f7e-9f55-3c1b0f7d2a11" },
  account: { id: "6f2b0a8e-1c3d-4e5f-8a9b-0c1d2e3f4a5b" },
  workspace: { id: "7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d" },
  project: { id: "8b9c0d1e-2f3a-4b4c-9d5e-6f7a8b9c0d1e" },
  user: { id: "9c0d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e2f" },
};
// Deliberate spacing and a non-ASCII name: verification must use the bytes as sent, not a re-serialisation.
const BODY = `{"type":"file.ready",  "resource":{"type":"file","id":"${EVENT.resource.id}"},"account":{"id":"${EVENT.account.id}"},"workspace":{"id":"${EVENT.workspace.id}"},"project":{"id":"${EVENT.project.id}"},"user":{"id":"${EVENT.user.id}"},"note":"Café ☕"}`;

async function signed(body: string | Uint8Array = BODY, timestamp = NOW_S, secret = SECRET) {
  return signWebhook({ secret, body, timestamp });
}

async function failure(promise: Promise<unknown>): Promise<WebhookVerificationError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WebhookVerificationError);
  return error as WebhookVerificationError;
}

describe("verifyWebhook", () => {
  it("accepts a delivery signed as Frame.io documents it, independently recomputed", async () => {
    const { createHmac } = await import("node:crypto");
    // An independent implementation of the documented scheme: v0=hex(HMAC-SHA256(secret, "v0:{ts}:{body}")).
    const signature = `v0=${createHmac("sha256", SECRET).update(`v0:${NOW_S}:${BODY}`).digest("hex")}`;
    const headers = await signed();
    expect(headers["x-frameio-signature"]).toBe(signature);

    const event = await verifyWebhook({ secret: SECRET, rawBody: BODY, headers, now });
    expect(event).toMatchObject(EVENT);
    expect(event.type).toBe("file.ready");
  });

  it("accepts Uint8Array, Buffer and ArrayBuffer bodies and a fetch Headers object", async () => {
    const bytes = new TextEncoder().encode(BODY);
    const headers = new Headers({
      "X-Frameio-Request-Timestamp": String(NOW_S),
      "X-Frameio-Signature": (await signed(bytes))["x-frameio-signature"],
    });
    for (const rawBody of [bytes, Buffer.from(bytes), bytes.buffer.slice(0)]) {
      await expect(verifyWebhook({ secret: SECRET, rawBody, headers, now })).resolves.toMatchObject(EVENT);
    }
  });

  it("narrows the event type through its type argument", async () => {
    const event = await verifyWebhook<WebhookEvent<"file.ready">>({
      secret: SECRET,
      rawBody: BODY,
      headers: await signed(),
      now,
    });
    const type: "file.ready" = event.type;
    expect(type).toBe("file.ready");
    expect(WEBHOOK_EVENT_TYPES).toHaveLength(30);
    expect(new Set(WEBHOOK_EVENT_TYPES).size).toBe(30);
  });

  const cases: [string, WebhookVerificationFailure, () => Promise<Parameters<typeof verifyWebhook>[0]>][] = [
    [
      "a tampered body",
      "signature_mismatch",
      async () => ({ secret: SECRET, rawBody: BODY.replace("Café", "Cafe"), headers: await signed() }),
    ],
    [
      "a re-serialised body",
      "signature_mismatch",
      async () => ({ secret: SECRET, rawBody: JSON.stringify(JSON.parse(BODY)), headers: await signed() }),
    ],
    [
      "the wrong secret",
      "signature_mismatch",
      async () => ({ secret: `${SECRET}x`, rawBody: BODY, headers: await signed() }),
    ],
    [
      "a signature for another timestamp",
      "signature_mismatch",
      async () => ({
        secret: SECRET,
        rawBody: BODY,
        headers: { ...(await signed()), "x-frameio-request-timestamp": String(NOW_S + 1) },
      }),
    ],
    [
      "no signature header",
      "missing_signature",
      async () => ({
        secret: SECRET,
        rawBody: BODY,
        headers: { "x-frameio-request-timestamp": String(NOW_S) },
      }),
    ],
    [
      "an empty signature header",
      "missing_signature",
      async () => ({
        secret: SECRET,
        rawBody: BODY,
        headers: { ...(await signed()), "x-frameio-signature": "" },
      }),
    ],
    [
      "no timestamp header",
      "missing_timestamp",
      async () => ({
        secret: SECRET,
        rawBody: BODY,
        headers: { "x-frameio-signature": (await signed())["x-frameio-signature"] },
      }),
    ],
    [
      "a signature without the v0= prefix",
      "malformed_signature",
      async () => ({
        secret: SECRET,
        rawBody: BODY,
        headers: { ...(await signed()), "x-frameio-signature": (await signed())["x-frameio-signature"].slice(3) },
      }),
    ],
    [
      "a truncated signature",
      "malformed_signature",
      async () => ({
        secret: SECRET,
        rawBody: BODY,
        headers: { ...(await signed()), "x-frameio-signature": (await signed())["x-frameio-signature"].slice(0, -2) },
      }),
    ],
    [
      "a fractional timestamp",
      "malformed_timestamp",
      async () => ({
        secret: SECRET,
        rawBody: BODY,
        headers: { ...(await signed()), "x-frameio-request-timestamp": "1704067200.5" },
      }),
    ],
    [
      "a stale timestamp",
      "timestamp_too_old",
      async () => ({ secret: SECRET, rawBody: BODY, headers: await signed(BODY, NOW_S - 301) }),
    ],
    [
      "a future timestamp",
      "timestamp_in_future",
      async () => ({ secret: SECRET, rawBody: BODY, headers: await signed(BODY, NOW_S + 301) }),
    ],
    [
      "a signed body that is not JSON",
      "invalid_json",
      async () => ({ secret: SECRET, rawBody: "not json", headers: await signed("not json") }),
    ],
    [
      "a signed JSON array",
      "invalid_json",
      async () => ({ secret: SECRET, rawBody: "[1]", headers: await signed("[1]") }),
    ],
  ];

  it.each(cases)("rejects %s with reason %s", async (_label, reason, options) => {
    const error = await failure(verifyWebhook({ ...(await options()), now }));
    expect(error.reason).toBe(reason);
    expect(error.message).toContain(reason);
  });

  it("applies the tolerance symmetrically and inclusively", async () => {
    for (const skew of [-300, 300]) {
      const headers = await signed(BODY, NOW_S + skew);
      await expect(verifyWebhook({ secret: SECRET, rawBody: BODY, headers, now })).resolves.toBeTruthy();
    }
    const headers = await signed(BODY, NOW_S - 60);
    const error = await failure(verifyWebhook({ secret: SECRET, rawBody: BODY, headers, now, toleranceSeconds: 30 }));
    expect(error.reason).toBe("timestamp_too_old");
  });

  it("never exposes the secret or the expected signature in errors", async () => {
    const headers = await signed();
    const error = await failure(verifyWebhook({ secret: "another-secret-value", rawBody: `${BODY} `, headers, now }));
    const expected = (await signWebhook({ secret: "another-secret-value", body: `${BODY} `, timestamp: NOW_S }))[
      "x-frameio-signature"
    ];
    for (const text of [error.message, String(error), JSON.stringify(error), inspect(error), error.stack ?? ""]) {
      expect(text).not.toContain("another-secret-value");
      expect(text).not.toContain(expected.slice(3));
    }
  });

  it("refuses unusable options before verifying, without echoing the secret", async () => {
    const parsed = JSON.parse(BODY) as unknown;
    const error = await verifyWebhook({
      secret: SECRET,
      rawBody: parsed as string,
      headers: await signed(),
      now,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FrameioValidationError);
    expect((error as FrameioValidationError).issues.map((i) => i.path)).toEqual(["rawBody"]);

    const bad = await verifyWebhook({ secret: "", rawBody: BODY, headers: {}, toleranceSeconds: -1 }).catch(
      (e: unknown) => e,
    );
    expect((bad as FrameioValidationError).issues.map((i) => i.path)).toEqual(["secret", "toleranceSeconds"]);
  });
});

describe("verifyWebhook behind a real node:http endpoint", () => {
  let server: Server;
  let url: string;
  const outcomes: { status: number; detail: string }[] = [];

  beforeAll(async () => {
    server = createServer(async (request, response) => {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      const headers: IncomingHttpHeaders = request.headers;
      try {
        const event = await verifyWebhook({ secret: SECRET, rawBody: Buffer.concat(chunks), headers, now });
        outcomes.push({ status: 204, detail: event.type });
        response.writeHead(204).end();
      } catch (error) {
        const detail = error instanceof WebhookVerificationError ? error.reason : String(error);
        outcomes.push({ status: 400, detail });
        response.writeHead(400).end(detail);
      }
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/frameio`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it("verifies Node's IncomingHttpHeaders and the raw bytes, whatever the header casing on the wire", async () => {
    const headers = await signed();
    const good = await fetch(url, {
      method: "POST",
      body: BODY,
      headers: {
        "Content-Type": "application/json",
        "X-FrameIO-Request-Timestamp": headers["x-frameio-request-timestamp"],
        "X-Frameio-Signature": headers["x-frameio-signature"],
      },
    });
    expect(good.status).toBe(204);
    const tampered = await fetch(url, { method: "POST", body: BODY.replace("file.ready", "file.deleted"), headers });
    expect(tampered.status).toBe(400);
    expect(await tampered.text()).toBe("signature_mismatch");
    expect(outcomes).toEqual([
      { status: 204, detail: "file.ready" },
      { status: 400, detail: "signature_mismatch" },
    ]);
  });
});

describe("event types", () => {
  it("come from the spec's webhooks section", () => {
    type Ready = WebhookEvent<"file.ready">;
    expectTypeOf<Ready["type"]>().toEqualTypeOf<"file.ready">();
    expectTypeOf<Ready["resource"]["type"]>().toEqualTypeOf<"file">();
    expectTypeOf<WebhookEvent["type"]>().toEqualTypeOf<(typeof WEBHOOK_EVENT_TYPES)[number]>();
    expect(WEBHOOK_EVENT_TYPES).toHaveLength(30);
  });
});
