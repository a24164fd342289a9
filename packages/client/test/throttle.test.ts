/**
 * A configured throttle hears back from every response: Frame.io's x-ratelimit-* headers tell it how much
 * allowance is really left, so the next call waits when the server says it must.
 */
import { createThrottle, type Throttle } from "@frameio-sdk/kit";
import { type FaultServer, startFaultServer } from "@frameio-sdk/testing/fault-server";
import { afterEach, beforeEach, expect, it } from "vitest";
import { FrameioClient } from "../src/index.js";
import { FILE_ARGS, FILE_BODY, FILE_PATH, NO_WAIT } from "./support/fixtures.js";

const SPENT = { "x-ratelimit-limit": "10", "x-ratelimit-remaining": "0", "x-ratelimit-window": "1000" };

let server: FaultServer;
let waits: number[];
let throttle: Throttle;
beforeEach(async () => {
  server = await startFaultServer();
  waits = [];
  // A frozen clock: no allowance comes back by itself, so every wait is the throttle's own decision.
  throttle = createThrottle({
    limits: { "files.show": { calls: 10, per_seconds: 1 } },
    now: () => 0,
    sleep: async (ms) => void waits.push(ms),
  });
});
afterEach(() => server.close());

it("a response saying the allowance is spent makes the next call wait", async () => {
  const client = new FrameioClient({ baseUrl: server.url, throttle });
  server.script(FILE_PATH, [
    { status: 200, body: FILE_BODY, headers: SPENT },
    { status: 200, body: FILE_BODY },
  ]);
  await client.files.show(FILE_ARGS);
  expect(waits).toEqual([]);
  await client.files.show(FILE_ARGS);
  // 10 calls per 1000 ms: one call's worth of allowance takes 100 ms to come back, plus the small safety margin the
  // kit's throttle keeps under every limit (jitter would otherwise still collect 429s).
  expect(waits).toHaveLength(1);
  expect(waits[0]).toBeGreaterThanOrEqual(100);
  expect(waits[0]).toBeLessThan(110);
});

it("without those headers the spec's limit alone applies (the wait above came from the response)", async () => {
  const client = new FrameioClient({ baseUrl: server.url, throttle });
  server.script(FILE_PATH, [
    { status: 200, body: FILE_BODY },
    { status: 200, body: FILE_BODY },
  ]);
  await client.files.show(FILE_ARGS);
  await client.files.show(FILE_ARGS);
  expect(waits).toEqual([]);
});

it("every attempt's response is observed, a retried one too", async () => {
  const observed: Array<string | null> = [];
  const watching: Throttle = {
    acquire: (key, signal, scope) => throttle.acquire(key, signal, scope),
    observe(key, headers, scope) {
      observed.push(`${key} ${headers.get("x-ratelimit-remaining")}`);
      throttle.observe(key, headers, scope);
    },
  };
  const client = new FrameioClient({ baseUrl: server.url, throttle: watching, retry: NO_WAIT });
  server.script(FILE_PATH, [
    { status: 503, body: { errors: [] }, headers: { ...SPENT, "x-ratelimit-remaining": "3" } },
    { status: 200, body: FILE_BODY, headers: SPENT },
  ]);
  await expect(client.files.show(FILE_ARGS)).resolves.toEqual(FILE_BODY);
  expect(observed).toEqual(["files.show 3", "files.show 0"]);
});

it("client.http calls spend the allowance of the operation their route names, like the resource methods", async () => {
  const acquired: string[] = [];
  const recording: Throttle = {
    acquire: async (operationKey) => void acquired.push(operationKey),
    observe: () => undefined,
  };
  const client = new FrameioClient({ baseUrl: server.url, throttle: recording, maxRetries: 0 });
  server.script(FILE_PATH, [
    { status: 200, body: FILE_BODY },
    { status: 200, body: FILE_BODY },
  ]);
  await client.files.show(FILE_ARGS);
  await client.http.GET("/v4/accounts/{account_id}/files/{file_id}", { params: { path: FILE_ARGS } });
  expect(acquired).toEqual(["files.show", "files.show"]);
});
