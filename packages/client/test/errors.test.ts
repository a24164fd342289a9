// Status codes become typed errors carrying the parsed body, redacted headers, a clean URL and the attempt count.
import { type FaultServer, startFaultServer } from "@frameio-sdk/testing/fault-server";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  BadRequestError,
  ConflictError,
  ForbiddenError,
  FrameioApiError,
  FrameioClient,
  FrameioConnectionError,
  FrameioError,
  FrameioValidationError,
  InternalServerError,
  NotFoundError,
  TooManyRequestsError,
  UnauthorizedError,
  UnprocessableEntityError,
} from "../src/index.js";
import { ACCOUNT_ID, FILE_ARGS, FILE_BODY, FILE_PATH, FOLDER_ID, NO_WAIT, rejection } from "./support/fixtures.js";

let server: FaultServer;
beforeEach(async () => {
  server = await startFaultServer();
});
afterEach(() => server.close());

const errorBody = (detail: string) => ({ errors: [{ title: "Refused", detail, source: { pointer: "/data/name" } }] });

describe("status codes map to error classes", () => {
  const cases = [
    [400, BadRequestError],
    [401, UnauthorizedError],
    [403, ForbiddenError],
    [404, NotFoundError],
    [409, ConflictError],
    [422, UnprocessableEntityError],
    [429, TooManyRequestsError],
    [500, InternalServerError],
    [503, InternalServerError],
  ] as const;

  it.each(cases)("%i -> %o", async (status, ErrorClass) => {
    const client = new FrameioClient({ baseUrl: server.url, token: "t", maxRetries: 0 });
    server.script(FILE_PATH, [
      {
        status,
        body: errorBody(`status ${status}`),
        headers: { "x-request-id": "req-7", "set-cookie": "session=abc" },
      },
    ]);
    const error = (await rejection(client.files.show(FILE_ARGS))) as FrameioApiError;
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toBeInstanceOf(FrameioApiError);
    expect(error).toBeInstanceOf(FrameioError);
    expect(error.name).toBe(ErrorClass.name);
    expect(error.status).toBe(status);
    expect(error.body).toEqual(errorBody(`status ${status}`));
    expect(error.errors[0]?.detail).toBe(`status ${status}`);
    expect(error.message).toContain(`status ${status}`);
    expect(error.message).toContain("/data/name");
    expect(error.method).toBe("GET");
    expect(error.url).toBe(`${server.url}${FILE_PATH}`);
    expect(error.headers["x-request-id"]).toBe("req-7");
    expect(error.headers["set-cookie"]).toBe("[REDACTED]");
    expect(error.attempts).toBe(1);
    expect(server.requests).toHaveLength(1);
  });

  it("an unlisted 4xx is a plain FrameioApiError", async () => {
    const client = new FrameioClient({ baseUrl: server.url, maxRetries: 0 });
    server.script(FILE_PATH, [{ status: 410, body: errorBody("gone") }]);
    const error = (await rejection(client.files.show(FILE_ARGS))) as FrameioApiError;
    expect(error.constructor).toBe(FrameioApiError);
    expect(error.status).toBe(410);
  });

  it("keeps a non-JSON error body as text", async () => {
    const client = new FrameioClient({ baseUrl: server.url, maxRetries: 0 });
    server.script(FILE_PATH, [
      { status: 502, body: "<html>Bad gateway</html>", headers: { "content-type": "text/html" } },
    ]);
    const error = (await rejection(client.files.show(FILE_ARGS))) as FrameioApiError;
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error.body).toBe("<html>Bad gateway</html>");
    expect(error.errors).toEqual([]);
  });

  it("429 carries retryAfterMs from Retry-After", async () => {
    const client = new FrameioClient({ baseUrl: server.url, maxRetries: 0 });
    server.script(FILE_PATH, [{ status: 429, body: errorBody("slow down"), headers: { "retry-after": "3" } }]);
    const error = (await rejection(client.files.show(FILE_ARGS))) as TooManyRequestsError;
    expect(error).toBeInstanceOf(TooManyRequestsError);
    expect(error.retryAfterMs).toBe(3000);
  });

  it("a 429 asking for longer than maxRetryAfterMs throws at once, without waiting", async () => {
    const client = new FrameioClient({ baseUrl: server.url, retry: { maxRetryAfterMs: 1_000 } });
    server.script(FILE_PATH, [{ status: 429, body: errorBody("later"), headers: { "retry-after": "3600" } }]);
    const error = (await rejection(client.files.show(FILE_ARGS))) as TooManyRequestsError;
    expect(error).toBeInstanceOf(TooManyRequestsError);
    expect(error.retryAfterMs).toBe(3_600_000);
    expect(server.requests).toHaveLength(1);
  });
});

describe("attempts and retries", () => {
  it("counts every attempt when retries run out", async () => {
    const client = new FrameioClient({ baseUrl: server.url, maxRetries: 2, retry: NO_WAIT });
    server.script(
      FILE_PATH,
      [503, 503, 503].map((status) => ({ status, body: errorBody("busy") })),
    );
    const error = (await rejection(client.files.show(FILE_ARGS))) as InternalServerError;
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error.attempts).toBe(3);
    expect(server.requests).toHaveLength(3);
  });

  it("resolves when a retry succeeds", async () => {
    const client = new FrameioClient({ baseUrl: server.url, retry: NO_WAIT });
    server.script(FILE_PATH, [
      { status: 500, body: errorBody("hiccup") },
      { status: 200, body: FILE_BODY },
    ]);
    await expect(client.files.show(FILE_ARGS)).resolves.toEqual(FILE_BODY);
    expect(server.requests).toHaveLength(2);
  });

  it("a per-request maxRetries of 0 wins over the client's", async () => {
    const client = new FrameioClient({ baseUrl: server.url, maxRetries: 2, retry: NO_WAIT });
    server.script(FILE_PATH, [
      { status: 503, body: errorBody("busy") },
      { status: 200, body: FILE_BODY },
    ]);
    const error = (await rejection(client.files.show(FILE_ARGS, { maxRetries: 0 }))) as InternalServerError;
    expect(error.attempts).toBe(1);
    expect(server.requests).toHaveLength(1);
  });

  it("does not repeat a POST after a 500 (the server may have acted on it)", async () => {
    const client = new FrameioClient({ baseUrl: server.url, retry: NO_WAIT });
    const path = `/v4/accounts/${ACCOUNT_ID}/folders/${FOLDER_ID}/folders`;
    server.script(`POST ${path}`, [{ status: 500, body: errorBody("boom") }]);
    const error = (await rejection(
      client.folders.create({ account_id: ACCOUNT_ID, folder_id: FOLDER_ID, data: { name: "Dailies" } }),
    )) as InternalServerError;
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error.attempts).toBe(1);
    expect(server.requestsTo(`POST ${path}`)).toHaveLength(1);
  });

  it("repeats a POST after a 503 (the server says it did not act)", async () => {
    const client = new FrameioClient({ baseUrl: server.url, retry: NO_WAIT });
    const path = `/v4/accounts/${ACCOUNT_ID}/folders/${FOLDER_ID}/folders`;
    server.script(`POST ${path}`, [
      { status: 503, body: errorBody("busy") },
      { status: 201, body: { data: { id: FOLDER_ID } } },
    ]);
    await expect(
      client.folders.create({ account_id: ACCOUNT_ID, folder_id: FOLDER_ID, data: { name: "Dailies" } }),
    ).resolves.toEqual({ data: { id: FOLDER_ID } });
    const sent = server.requestsTo(`POST ${path}`);
    expect(sent).toHaveLength(2);
    expect(JSON.parse(sent[1]!.body.toString())).toEqual({ data: { name: "Dailies" } });
  });

  it("a connection reset on every attempt is a FrameioConnectionError with the attempt count", async () => {
    const client = new FrameioClient({ baseUrl: server.url, maxRetries: 1, retry: NO_WAIT });
    server.script(FILE_PATH, [
      { kind: "reset", when: "before-headers" },
      { kind: "reset", when: "before-headers" },
    ]);
    const error = (await rejection(client.files.show(FILE_ARGS))) as FrameioConnectionError;
    expect(error).toBeInstanceOf(FrameioConnectionError);
    expect(error).toBeInstanceOf(FrameioError);
    expect(error.attempts).toBe(2);
    expect(error.url).toBe(`${server.url}${FILE_PATH}`);
  });

  it("a body cut mid-way is retried like a reset", async () => {
    const client = new FrameioClient({ baseUrl: server.url, retry: NO_WAIT });
    server.script(FILE_PATH, [
      { kind: "reset", when: "mid-body" },
      { status: 200, body: FILE_BODY },
    ]);
    await expect(client.files.show(FILE_ARGS)).resolves.toEqual(FILE_BODY);
    expect(server.requests).toHaveLength(2);
  });
});

describe("URLs in errors carry no credentials", () => {
  it("shows the request URL, without credentials, in the error", async () => {
    const client = new FrameioClient({ baseUrl: server.url, token: "t-123", maxRetries: 0 });
    server.script(FILE_PATH, [{ status: 404, body: errorBody("no such file") }]);
    const error = (await rejection(client.files.show({ ...FILE_ARGS, include: "creator" }))) as NotFoundError;
    expect(error.url).toBe(`${server.url}${FILE_PATH}?include=creator`);
    expect(error.message).toContain(error.url);
  });

  it("refuses a base URL with user-info at construction, without echoing the password", () => {
    // fetch would refuse the URL anyway, and its message (which our connection error quotes) carries it verbatim.
    const baseUrl = server.url.replace("http://", "http://deploy-bot:hunter2-pass@");
    let error: unknown;
    try {
      new FrameioClient({ baseUrl });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(FrameioValidationError);
    expect((error as FrameioValidationError).issues[0]).toMatchObject({ path: "baseUrl" });
    expect((error as FrameioValidationError).issues[0]?.expected).toContain("without user-info");
    expect(String((error as Error).message)).not.toContain("hunter2");
    expect(JSON.stringify(error)).not.toContain("hunter2");
    expect(server.requests).toHaveLength(0);
  });

  it("a refused connection names the URL and the attempts", async () => {
    const closed = await startFaultServer();
    const url = closed.url;
    await closed.close();
    const client = new FrameioClient({ baseUrl: url, maxRetries: 1, retry: NO_WAIT });
    const error = (await rejection(client.files.show(FILE_ARGS))) as FrameioConnectionError;
    expect(error).toBeInstanceOf(FrameioConnectionError);
    expect(error.url).toBe(`${url}${FILE_PATH}`);
    expect(error.attempts).toBe(2);
  });
});
