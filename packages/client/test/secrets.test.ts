// No secret reaches an error's message, its JSON or its inspection, nor the client's.
import { inspect } from "node:util";
import { type FaultServer, startFaultServer } from "@frameio-sdk/testing/fault-server";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FrameioClient } from "../src/index.js";
import { FILE_ARGS, FILE_PATH, rejection } from "./support/fixtures.js";

const TOKEN = "fio-u-SECRET-access-token-9f8e7d";
const PROVIDER_SECRET = "p8e-CLIENT-SECRET-5a4b3c";
const REFRESH = "refresh-SECRET-2c1b0a";
const HEADER_KEY = "x-api-key-SECRET-77";

/** A provider holding its secrets in private fields, the way the kit's auth classes do. */
class VaultProvider {
  readonly #clientSecret = PROVIDER_SECRET;
  #refreshToken = REFRESH;
  #access = TOKEN;
  async getToken(): Promise<string> {
    return this.#access;
  }
  invalidate(): void {
    this.#refreshToken = `${this.#refreshToken}!`;
    this.#access = `${TOKEN}-${this.#clientSecret.length}`;
  }
}

const SECRETS = [TOKEN, PROVIDER_SECRET, REFRESH, HEADER_KEY];

/** Every rendering of a value a user or a logger might produce. */
function renderings(value: unknown): string[] {
  return [
    value instanceof Error ? value.message : "",
    value instanceof Error ? String(value.stack) : "",
    String(value),
    JSON.stringify(value) ?? "",
    inspect(value),
    inspect(value, { showHidden: true, depth: Number.POSITIVE_INFINITY, getters: true }),
  ];
}

function expectNoSecret(value: unknown): void {
  for (const text of renderings(value)) for (const secret of SECRETS) expect(text).not.toContain(secret);
}

let server: FaultServer;
beforeEach(async () => {
  server = await startFaultServer();
});
afterEach(() => server.close());

describe.each([
  ["a token string", () => TOKEN],
  ["an auth object", () => new VaultProvider()],
])("with %s", (_label, token) => {
  const client = () =>
    new FrameioClient({
      baseUrl: server.url,
      token: token(),
      headers: { "x-api-key": HEADER_KEY },
      maxRetries: 0,
      timeoutMs: 100,
    });

  it("the client itself shows no secret", () => {
    const c = client();
    expectNoSecret(c);
    expect(JSON.parse(JSON.stringify(c))).toEqual({ baseUrl: server.url, timeoutMs: 100, maxRetries: 0 });
    expect(inspect(c)).toContain(server.url);
  });

  it("API errors show no secret, though the server echoed headers", async () => {
    server.script(
      FILE_PATH,
      [401, 401].map((status) => ({
        status,
        body: { errors: [{ detail: "Token expired" }] },
        headers: { "www-authenticate": "Bearer", "set-cookie": `session=${TOKEN}`, "x-api-key": HEADER_KEY },
      })),
    );
    const error = await rejection(client().files.show(FILE_ARGS));
    expect(error).toMatchObject({ status: 401 });
    // The request did carry the secrets: the test would be vacuous otherwise.
    expect(server.requests.at(-1)?.headers.authorization).toMatch(/^Bearer fio-u-SECRET/);
    expect(server.requests.at(-1)?.headers["x-api-key"]).toBe(HEADER_KEY);
    expectNoSecret(error);
  });

  it("timeouts show no secret", async () => {
    server.script(FILE_PATH, [{ kind: "hang" }]);
    const error = await rejection(client().files.show(FILE_ARGS));
    expect(error).toMatchObject({ name: "FrameioTimeoutError" });
    expectNoSecret(error);
  });

  it("connection failures show no secret", async () => {
    server.script(FILE_PATH, [{ kind: "reset", when: "before-headers" }]);
    const error = await rejection(client().files.show(FILE_ARGS));
    expect(error).toMatchObject({ name: "FrameioConnectionError" });
    expectNoSecret(error);
  });

  it("validation errors show no secret", async () => {
    const error = await rejection(client().files.show({ ...FILE_ARGS, file_id: "nope" }));
    expect(error).toMatchObject({ name: "FrameioValidationError" });
    expectNoSecret(error);
  });
});

it("a token function returning nothing names the problem without the function's source", async () => {
  const error = await rejection(new FrameioClient({ baseUrl: server.url, token: () => "" }).files.show(FILE_ARGS));
  expect(error).toMatchObject({ name: "FrameioValidationError" });
  expect((error as Error).message).toContain("token");
});
