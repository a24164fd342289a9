// Input the SDK must refuse or neutralise before sending (issue 13, client side), and failures it must type.
import { type FaultServer, startFaultServer } from "@frameio-sdk/testing/fault-server";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  FrameioApiError,
  FrameioClient,
  FrameioError,
  FrameioResponseError,
  FrameioValidationError,
  type RequestOptions,
} from "../src/index.js";
import { ACCOUNT_ID, FILE_ARGS, FILE_BODY, FILE_PATH, rejection } from "./support/fixtures.js";

let server: FaultServer;
beforeEach(async () => {
  server = await startFaultServer();
  server.fallback(() => ({ status: 200, body: FILE_BODY }));
});
afterEach(() => server.close());

const construct = (options: object) => () => new FrameioClient(options);

describe("baseUrl", () => {
  it.each([
    ["a fragment", "https://api.frame.io/#x"],
    ["a query", "https://api.frame.io/?x="],
    ["a bare ?", "https://api.frame.io?"],
    ["user-info", "https://user:secret@api.frame.io"],
    ["file:", "file:///etc/passwd"],
    ["javascript:", "javascript:alert(1)"],
    ["no scheme", "api.frame.io"],
  ])("with %s is refused at construction", (_name, baseUrl) => {
    let error: unknown;
    try {
      new FrameioClient({ baseUrl });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(FrameioValidationError);
    expect((error as FrameioValidationError).issues[0]?.path).toBe("baseUrl");
    expect(String((error as Error).message)).not.toContain("secret");
  });

  it("may carry a path prefix, under which every API path goes", async () => {
    const client = new FrameioClient({ baseUrl: `${server.url}/proxy/frameio/`, maxRetries: 0 });
    await client.files.show(FILE_ARGS);
    expect(server.requests[0]?.pathname).toBe(`/proxy/frameio${FILE_PATH}`);
  });
});

describe("path parameters", () => {
  it.each([".", ".."])("%j stays one path segment, even with validation off", async (id) => {
    const client = new FrameioClient({ baseUrl: server.url, validateRequests: false, maxRetries: 0 });
    await client.files.show({ account_id: ACCOUNT_ID, file_id: id });
    const sent = server.requests[0]?.url ?? "";
    expect(sent.startsWith(`/v4/accounts/${ACCOUNT_ID}/files/`)).toBe(true);
    expect(sent.split("/")).toHaveLength(6);
  });

  it("a slash in an id cannot add a segment", async () => {
    const client = new FrameioClient({ baseUrl: server.url, validateRequests: false, maxRetries: 0 });
    await client.files.show({ account_id: ACCOUNT_ID, file_id: "../../me" });
    expect(server.requests[0]?.pathname).toBe(`/v4/accounts/${ACCOUNT_ID}/files/..%2F..%2Fme`);
  });

  it("files.show(null) with validation off is a FrameioValidationError, not a TypeError", async () => {
    const client = new FrameioClient({ baseUrl: server.url, validateRequests: false, maxRetries: 0 });
    const error = await rejection(client.files.show(null as never));
    expect(error).toBeInstanceOf(FrameioValidationError);
    expect((error as FrameioValidationError).issues[0]?.path).toBe("account_id");
    expect(server.requests).toHaveLength(0);
  });
});

describe("per-call options are checked like client options", () => {
  it.each<[string, RequestOptions, string]>([
    ["timeoutMs NaN", { timeoutMs: Number.NaN }, "timeoutMs"],
    ["timeoutMs 0", { timeoutMs: 0 }, "timeoutMs"],
    ["timeoutMs 2^31", { timeoutMs: 2 ** 31 }, "timeoutMs"],
    ["maxRetries Infinity", { maxRetries: Number.POSITIVE_INFINITY }, "maxRetries"],
    ["maxRetries 1000", { maxRetries: 1000 }, "maxRetries"],
    ["a signal that is not an AbortSignal", { signal: {} as AbortSignal }, "signal"],
    ["headers as a string", { headers: "x-a: 1" as never }, "headers"],
  ])("%s is refused naming the option, before any request", async (_name, options, field) => {
    const client = new FrameioClient({ baseUrl: server.url, maxRetries: 0 });
    for (const call of [
      () => client.files.show(FILE_ARGS, options),
      () => client.request({ method: "GET", path: "/v4/me" }, options),
    ]) {
      const error = await rejection(call());
      expect(error).toBeInstanceOf(FrameioValidationError);
      expect((error as FrameioValidationError).issues.map((i) => i.path)).toEqual([field]);
    }
    expect(server.requests).toHaveLength(0);
  });

  it("timeoutMs: Infinity means no deadline", async () => {
    const client = new FrameioClient({ baseUrl: server.url, maxRetries: 0 });
    await expect(client.files.show(FILE_ARGS, { timeoutMs: Number.POSITIVE_INFINITY })).resolves.toEqual(FILE_BODY);
  });
});

describe("the throttle option", () => {
  it.each([5, "yes", {}])("%j is refused at construction", (throttle) => {
    expect(construct({ throttle })).toThrow(FrameioValidationError);
  });

  it("true applies the published limits and the calls go through", async () => {
    const client = new FrameioClient({ baseUrl: server.url, token: "t", throttle: true, maxRetries: 0 });
    await expect(client.files.show(FILE_ARGS)).resolves.toEqual(FILE_BODY);
    await expect(client.users.show()).resolves.toEqual(FILE_BODY);
  });
});

describe("success bodies that are not JSON", () => {
  it.each([
    ["an HTML page", { status: 200, headers: { "content-type": "text/html" }, body: "<html>proxy login</html>" }],
    [
      "a truncated JSON body",
      { status: 200, headers: { "content-type": "application/json" }, body: '{"data": {"id": ' },
    ],
  ])("%s is a FrameioResponseError with the parse error as cause", async (_name, step) => {
    const client = new FrameioClient({ baseUrl: server.url, maxRetries: 0 });
    server.script(FILE_PATH, [step, step]);
    for (const call of [() => client.files.show(FILE_ARGS), () => client.request({ method: "GET", path: FILE_PATH })]) {
      const error = await rejection(call());
      expect(error).toBeInstanceOf(FrameioResponseError);
      expect(error).toBeInstanceOf(FrameioError);
      expect((error as FrameioResponseError).status).toBe(200);
      expect((error as Error).cause).toBeInstanceOf(SyntaxError);
    }
  });

  it("counts the attempts that led to it, a retried 503 included", async () => {
    const client = new FrameioClient({ baseUrl: server.url, maxRetries: 1, retry: { baseDelayMs: 1 } });
    const html = { status: 200, headers: { "content-type": "text/html" }, body: "<html>proxy login</html>" };
    server.script(FILE_PATH, [{ status: 503 }, html]);
    const error = await rejection(client.files.show(FILE_ARGS));
    expect(error).toBeInstanceOf(FrameioResponseError);
    expect((error as FrameioResponseError).attempts).toBe(2);
  });

  it("a 304 (a status whose response has no body) is a typed API error, not a TypeError", async () => {
    const client = new FrameioClient({ baseUrl: server.url, maxRetries: 0 });
    server.script(FILE_PATH, [{ status: 304 }]);
    const error = await rejection(client.files.show(FILE_ARGS));
    expect(error).toBeInstanceOf(FrameioApiError);
    expect((error as FrameioApiError).status).toBe(304);
  });
});

describe("token sources", () => {
  it("an object with only getToken() works from the first call", async () => {
    const client = new FrameioClient({ baseUrl: server.url, token: { getToken: async () => "from-object" } });
    await client.files.show(FILE_ARGS);
    expect(server.requests[0]?.headers.authorization).toBe("Bearer from-object");
  });

  it.each([
    ["a line feed", "s3cr3t-value\n"],
    ["a NUL", "s3cr3t\0value"],
    ["an object without getToken()", { token: "s3cr3t-value" }],
  ])("a token with %s is refused at construction, without quoting it", (_name, token) => {
    let error: unknown;
    try {
      new FrameioClient({ baseUrl: server.url, token: token as never });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(FrameioValidationError);
    expect((error as FrameioValidationError).issues[0]?.path).toBe("token");
    expect(String((error as Error).message)).not.toContain("s3cr3t");
  });
});
