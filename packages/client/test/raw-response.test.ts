// client.withRawResponse.<group>.<method> resolves to { data, response, headers, status }.
import { type FaultServer, startFaultServer } from "@frameio-sdk/testing/fault-server";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FrameioClient, NotFoundError } from "../src/index.js";
import { ACCOUNT_ID, FILE_ARGS, FILE_BODY, FILE_PATH, FOLDER_ID } from "./support/fixtures.js";

let server: FaultServer;
let client: FrameioClient;
beforeEach(async () => {
  server = await startFaultServer();
  client = new FrameioClient({ baseUrl: server.url, token: "t", maxRetries: 0 });
});
afterEach(() => server.close());

const RATE_HEADERS = {
  "x-ratelimit-limit": "10",
  "x-ratelimit-remaining": "9",
  "x-ratelimit-window": "1000",
  "x-request-id": "req-1",
};

describe("withRawResponse", () => {
  it("gives the parsed body with the response, its headers and its status", async () => {
    server.script(FILE_PATH, [{ status: 200, body: FILE_BODY, headers: RATE_HEADERS }]);
    const raw = await client.withRawResponse.files.show(FILE_ARGS);
    expect(raw.data).toEqual(FILE_BODY);
    expect(raw.status).toBe(200);
    expect(raw.response).toBeInstanceOf(Response);
    expect(raw.response.status).toBe(200);
    expect(raw.headers).toBe(raw.response.headers);
    expect(raw.headers.get("x-ratelimit-remaining")).toBe("9");
    expect(raw.headers.get("x-request-id")).toBe("req-1");
    expect(raw.response.url).toBe(`${server.url}${FILE_PATH}`);
    // The response is the caller's: its body can still be read.
    expect(JSON.parse(await raw.response.text())).toEqual(FILE_BODY);
  });

  it("gives 201 bodies of creates", async () => {
    const path = `/v4/accounts/${ACCOUNT_ID}/folders/${FOLDER_ID}/folders`;
    server.script(`POST ${path}`, [{ status: 201, body: { data: { id: FOLDER_ID, name: "Selects" } } }]);
    const raw = await client.withRawResponse.folders.create({
      account_id: ACCOUNT_ID,
      folder_id: FOLDER_ID,
      data: { name: "Selects" },
    });
    expect(raw.status).toBe(201);
    expect(raw.data).toEqual({ data: { id: FOLDER_ID, name: "Selects" } });
  });

  it("gives undefined data for 204, like the plain method", async () => {
    server.script(`DELETE ${FILE_PATH}`, [{ status: 204 }, { status: 204 }]);
    const raw = await client.withRawResponse.files.delete(FILE_ARGS);
    expect(raw.status).toBe(204);
    expect(raw.data).toBeUndefined();
    await expect(client.files.delete(FILE_ARGS)).resolves.toBeUndefined();
    expect(server.requestsTo(`DELETE ${FILE_PATH}`)).toHaveLength(2);
  });

  it("returns the same data as the plain method", async () => {
    server.script(FILE_PATH, [
      { status: 200, body: FILE_BODY },
      { status: 200, body: FILE_BODY },
    ]);
    const plain = await client.files.show(FILE_ARGS);
    const raw = await client.withRawResponse.files.show(FILE_ARGS);
    expect(raw.data).toEqual(plain);
  });

  it("still throws on failure statuses", async () => {
    server.script(FILE_PATH, [{ status: 404, body: { errors: [{ detail: "File not found" }] } }]);
    await expect(client.withRawResponse.files.show(FILE_ARGS)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("accepts per-request options", async () => {
    server.script(FILE_PATH, [{ status: 200, body: FILE_BODY }]);
    await client.withRawResponse.files.show(FILE_ARGS, { headers: { "x-correlation-id": "abc" } });
    expect(server.requests[0]?.headers["x-correlation-id"]).toBe("abc");
  });
});
