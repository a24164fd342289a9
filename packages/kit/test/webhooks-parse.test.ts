import { describe, expect, expectTypeOf, it } from "vitest";
import type { WebhookEventType } from "../src/generated/spec-facts.js";
import { FrameioValidationError, signWebhook, verifyWebhook } from "../src/index.js";

const SECRET = "whsec-parse-test-8d1f0c2b";
const NOW_S = 1_704_067_200;
const now = () => NOW_S * 1000;
const ids = {
  resource: "0b7e3b6e-5d2a-4f7e-9f55-3c1b0f7d2a11",
  account: "6f2b0a8e-1c3d-4e5f-8a9b-0c1d2e3f4a5b",
  workspace: "7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d",
  project: "8b9c0d1e-2f3a-4b4c-9d5e-6f7a8b9c0d1e",
  user: "9c0d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e2f",
};
const event = (overrides: Record<string, unknown> = {}) => ({
  type: "comment.created",
  resource: { type: "comment", id: ids.resource },
  account: { id: ids.account },
  workspace: { id: ids.workspace },
  project: { id: ids.project },
  user: { id: ids.user },
  ...overrides,
});

async function deliver(body: unknown, options: { now?: () => number } = {}) {
  const rawBody = JSON.stringify(body);
  const headers = await signWebhook({ secret: SECRET, body: rawBody, timestamp: NOW_S });
  return { secret: SECRET, rawBody, headers, now: options.now ?? now };
}

async function refusal(promise: Promise<unknown>): Promise<FrameioValidationError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FrameioValidationError);
  return error as FrameioValidationError;
}

describe("verifyWebhook({ parse: true })", () => {
  it("returns the payload parsed by its event type's schema, keeping fields the spec does not list yet", async () => {
    const body = event({ delivered_by: "a future field" });
    const parsed = await verifyWebhook({ ...(await deliver(body)), parse: true });
    expect(parsed).toEqual(body);
    // The parsed type names exactly the spec's event types (generated into spec-facts, not copied here).
    expectTypeOf(parsed.type).toEqualTypeOf<WebhookEventType>();
    if (parsed.type === "comment.created") expectTypeOf(parsed.resource.type).toEqualTypeOf<"comment">();
  });

  it("refuses an authentic payload that breaks its schema, naming the field", async () => {
    const error = await refusal(
      verifyWebhook({ ...(await deliver(event({ account: { id: "not-an-id" } }))), parse: true }),
    );
    expect(error.issues).toEqual([
      expect.objectContaining({
        path: "account.id",
        expected: "a UUID (8-4-4-4-12 hex digits)",
        received: '"not-an-id"',
      }),
    ]);
  });

  it("refuses a resource type that does not belong to the event type", async () => {
    const error = await refusal(
      verifyWebhook({ ...(await deliver(event({ resource: { type: "file", id: ids.resource } }))), parse: true }),
    );
    expect(error.issues.map((issue) => [issue.path, issue.expected])).toEqual([["resource.type", 'one of "comment"']]);
  });

  it("refuses an event type the spec does not list", async () => {
    const error = await refusal(verifyWebhook({ ...(await deliver(event({ type: "file.exploded" }))), parse: true }));
    expect(error.issues).toEqual([expect.objectContaining({ path: "type", received: '"file.exploded"' })]);
  });

  it("without parse, returns the JSON as sent, unchecked", async () => {
    const body = event({ account: { id: "not-an-id" } });
    await expect(verifyWebhook(await deliver(body))).resolves.toEqual(body);
  });

  it("refuses a parse option that is not a boolean", async () => {
    const options = { ...(await deliver(event())), parse: "yes" as unknown as boolean };
    const error = await refusal(verifyWebhook(options));
    expect(error.issues.map((issue) => issue.path)).toEqual(["parse"]);
  });
});

describe("webhook clocks and bodies (#13.14)", () => {
  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])(
    "refuses a clock returning %s instead of skipping the replay window",
    async (value) => {
      const error = await refusal(verifyWebhook(await deliver(event(), { now: () => value })));
      expect(error.issues).toEqual([expect.objectContaining({ path: "now", received: `number ${value}` })]);
    },
  );

  it("refuses a clock returning something other than a number", async () => {
    const options = await deliver(event(), { now: (() => "1704067200000") as unknown as () => number });
    const error = await refusal(verifyWebhook(options));
    expect(error.issues).toEqual([expect.objectContaining({ path: "now", received: "string" })]);
  });

  it.each([
    ["an object", { hello: "world" }],
    ["an array", [1, 2]],
    ["null", null],
    ["a number", 42],
  ])("signWebhook refuses %s as the body instead of signing an empty one", async (received, body) => {
    const error = await refusal(signWebhook({ secret: SECRET, body: body as unknown as string, timestamp: NOW_S }));
    expect(error.issues).toEqual([
      expect.objectContaining({
        path: "body",
        received: received === "an array" ? "an object" : received === "a number" ? "number" : received,
      }),
    ]);
  });
});
