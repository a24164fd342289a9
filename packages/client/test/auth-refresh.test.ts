// A 401 with a refreshable auth object: invalidate, fetch a new token, retry once; a second 401 is final.
import { type FaultServer, startFaultServer } from "@frameio-sdk/testing/fault-server";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FrameioClient, UnauthorizedError } from "../src/index.js";
import { ACCOUNT_ID, FILE_ARGS, FILE_BODY, FILE_PATH, FOLDER_ID } from "./support/fixtures.js";

const UNAUTHORIZED = { status: 401, body: { errors: [{ detail: "Token expired" }] } } as const;

/** An auth object as the kit's auth classes look to the client: a token cache that can be told to drop it. */
function countingProvider() {
  const calls = { getToken: 0, invalidate: 0 };
  let generation = 1;
  return {
    calls,
    provider: {
      async getToken() {
        calls.getToken++;
        return `access-${generation}`;
      },
      invalidate() {
        calls.invalidate++;
        generation++;
      },
    },
  };
}

let server: FaultServer;
beforeEach(async () => {
  server = await startFaultServer();
});
afterEach(() => server.close());

const bearer = (i: number) => server.requests[i]?.headers.authorization;

describe("with a refreshable auth object", () => {
  it("401 then 200: one invalidate, one new token, one retry", async () => {
    const { calls, provider } = countingProvider();
    const client = new FrameioClient({ baseUrl: server.url, token: provider });
    server.script(FILE_PATH, [UNAUTHORIZED, { status: 200, body: FILE_BODY }]);
    await expect(client.files.show(FILE_ARGS)).resolves.toEqual(FILE_BODY);
    expect(calls).toEqual({ getToken: 2, invalidate: 1 });
    expect(server.requests).toHaveLength(2);
    expect(bearer(0)).toBe("Bearer access-1");
    expect(bearer(1)).toBe("Bearer access-2");
  });

  it("401 twice: UnauthorizedError after exactly one retry", async () => {
    const { calls, provider } = countingProvider();
    const client = new FrameioClient({ baseUrl: server.url, token: provider });
    server.script(FILE_PATH, [UNAUTHORIZED, UNAUTHORIZED, { status: 200, body: FILE_BODY }]);
    const error = await client.files.show(FILE_ARGS).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnauthorizedError);
    expect((error as UnauthorizedError).status).toBe(401);
    expect(calls).toEqual({ getToken: 2, invalidate: 1 });
    expect(server.requests).toHaveLength(2);
  });

  it("refreshes for writes too, resending the same body", async () => {
    const { calls, provider } = countingProvider();
    const client = new FrameioClient({ baseUrl: server.url, token: provider });
    const path = `/v4/accounts/${ACCOUNT_ID}/folders/${FOLDER_ID}/folders`;
    server.script(`POST ${path}`, [UNAUTHORIZED, { status: 201, body: { data: { id: FOLDER_ID } } }]);
    await client.folders.create({ account_id: ACCOUNT_ID, folder_id: FOLDER_ID, data: { name: "Selects" } });
    expect(calls.invalidate).toBe(1);
    const [first, second] = server.requestsTo(`POST ${path}`);
    expect(second?.body.toString()).toBe(first?.body.toString());
    expect(JSON.parse(second!.body.toString())).toEqual({ data: { name: "Selects" } });
  });

  it("applies to withRawResponse calls", async () => {
    const { calls, provider } = countingProvider();
    const client = new FrameioClient({ baseUrl: server.url, token: provider });
    server.script(FILE_PATH, [UNAUTHORIZED, { status: 200, body: FILE_BODY }]);
    const raw = await client.withRawResponse.files.show(FILE_ARGS);
    expect(raw.status).toBe(200);
    expect(calls.invalidate).toBe(1);
  });

  it("each call may refresh once: a later 401 triggers a new refresh", async () => {
    const { calls, provider } = countingProvider();
    const client = new FrameioClient({ baseUrl: server.url, token: provider });
    server.script(FILE_PATH, [
      UNAUTHORIZED,
      { status: 200, body: FILE_BODY },
      UNAUTHORIZED,
      { status: 200, body: FILE_BODY },
    ]);
    await client.files.show(FILE_ARGS);
    await client.files.show(FILE_ARGS);
    expect(calls).toEqual({ getToken: 4, invalidate: 2 });
    expect(server.requests.map((r) => r.headers.authorization)).toEqual([
      "Bearer access-1",
      "Bearer access-2",
      "Bearer access-2",
      "Bearer access-3",
    ]);
  });

  it("other statuses do not touch the token", async () => {
    const { calls, provider } = countingProvider();
    const client = new FrameioClient({ baseUrl: server.url, token: provider, maxRetries: 0 });
    server.script(FILE_PATH, [{ status: 403, body: { errors: [{ detail: "No access" }] } }]);
    await expect(client.files.show(FILE_ARGS)).rejects.toMatchObject({ status: 403 });
    expect(calls).toEqual({ getToken: 1, invalidate: 0 });
  });
});

describe("without a way to refresh", () => {
  it("a string token gets no retry", async () => {
    const client = new FrameioClient({ baseUrl: server.url, token: "fixed-token" });
    server.script(FILE_PATH, [UNAUTHORIZED, { status: 200, body: FILE_BODY }]);
    await expect(client.files.show(FILE_ARGS)).rejects.toBeInstanceOf(UnauthorizedError);
    expect(server.requests).toHaveLength(1);
    expect(bearer(0)).toBe("Bearer fixed-token");
  });

  it("a token function is asked before every call but not retried on 401", async () => {
    let asked = 0;
    const client = new FrameioClient({ baseUrl: server.url, token: () => `fn-${++asked}` });
    server.script(FILE_PATH, [{ status: 200, body: FILE_BODY }, UNAUTHORIZED]);
    await client.files.show(FILE_ARGS);
    await expect(client.files.show(FILE_ARGS)).rejects.toBeInstanceOf(UnauthorizedError);
    expect(asked).toBe(2);
    expect(server.requests.map((r) => r.headers.authorization)).toEqual(["Bearer fn-1", "Bearer fn-2"]);
  });

  it("no token sends no Authorization header", async () => {
    const client = new FrameioClient({ baseUrl: server.url });
    server.script(FILE_PATH, [{ status: 200, body: FILE_BODY }]);
    await client.files.show(FILE_ARGS);
    expect(server.requests[0]?.headers.authorization).toBeUndefined();
  });
});
