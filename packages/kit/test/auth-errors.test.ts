import type { ImsServer } from "@frameio-sdk/testing/ims-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AuthConfigurationError,
  AuthNetworkError,
  FrameioAuthError,
  FrameioError,
  ImsError,
  ServerToServerAuth,
  SPAAuth,
  WebAppAuth,
} from "../src/index.js";
import { recordingSleep, S2S, SPA, startIms, WEB } from "./auth-fixtures.js";

let ims: ImsServer;
beforeAll(async () => {
  ims = await startIms();
});
afterAll(() => ims.close());

function s2s(extra: Partial<ConstructorParameters<typeof ServerToServerAuth>[0]> = {}) {
  const sleep = recordingSleep();
  const auth = new ServerToServerAuth({ ...S2S, imsBaseUrl: ims.url, sleep: sleep.sleep, ...extra });
  return { auth, waits: sleep.waits };
}

async function countRequests<T>(run: () => Promise<T>): Promise<{ result: T | unknown; requests: number }> {
  const before = ims.tokenRequests().length;
  const result = await run().catch((e: unknown) => e);
  return { result, requests: ims.tokenRequests().length - before };
}

describe("retries", () => {
  it("retries 5xx with backoff and then succeeds", async () => {
    const { auth, waits } = s2s();
    ims.failNext("token", { status: 503 }, 2);
    const { result, requests } = await countRequests(() => auth.getToken());
    expect(typeof result).toBe("string");
    expect(ims.isActive(result as string)).toBe(true);
    expect(requests).toBe(3);
    expect(waits).toHaveLength(2);
    expect(waits.every((ms) => ms > 0 && ms <= 8000)).toBe(true);
  });

  it("honours Retry-After on 429", async () => {
    const { auth, waits } = s2s();
    ims.failNext("token", { status: 429, headers: { "retry-after": "7" } });
    await auth.getToken();
    expect(waits).toEqual([7000]);
  });

  it("gives up after maxRetries with an ImsError carrying IMS's error code and the attempt count", async () => {
    const { auth } = s2s({ maxRetries: 1 });
    ims.failNext("token", { status: 500, body: { error: "server_error", error_description: "IMS is down" } }, 2);
    const { result, requests } = await countRequests(() => auth.getToken());
    expect(result).toBeInstanceOf(ImsError);
    expect(result).toMatchObject({ status: 500, error: "server_error", errorDescription: "IMS is down", attempts: 2 });
    expect((result as Error).message).toBe("IMS token request failed with 500 server_error: IMS is down");
    expect(requests).toBe(2);
  });

  it("does not retry 400 invalid_grant", async () => {
    const { auth, waits } = s2s();
    ims.failNext("token", { status: 400, body: { error: "invalid_grant" } });
    const { result, requests } = await countRequests(() => auth.getToken());
    expect(result).toMatchObject({ status: 400, error: "invalid_grant" });
    expect(requests).toBe(1);
    expect(waits).toEqual([]);
  });

  it("fails at once when IMS asks for a wait longer than a minute", async () => {
    const { auth } = s2s();
    ims.failNext("token", { status: 429, headers: { "retry-after": "3600" }, body: { error: "too_many_requests" } });
    const { result, requests } = await countRequests(() => auth.getToken());
    expect(result).toMatchObject({ status: 429, error: "too_many_requests" });
    expect(requests).toBe(1);
  });

  it("names non-JSON failures by status and rejects malformed success bodies", async () => {
    const { auth } = s2s({ maxRetries: 0 });
    ims.failNext("token", { status: 502, body: "<html>Bad gateway</html>" });
    expect(await auth.getToken().catch((e: unknown) => e)).toMatchObject({ status: 502, error: "http_502" });
    ims.failNext("token", { status: 200, body: { token_type: "bearer" } });
    expect(await auth.getToken().catch((e: unknown) => e)).toMatchObject({ status: 200, error: "invalid_response" });
  });
});

describe("network failures", () => {
  it("retries dropped connections, then reports AuthNetworkError", async () => {
    const { auth, waits } = s2s({ maxRetries: 2 });
    ims.failNext("token", { network: "reset" }, 3);
    const { result, requests } = await countRequests(() => auth.getToken());
    expect(result).toBeInstanceOf(AuthNetworkError);
    expect(result).toMatchObject({ timedOut: false, attempts: 3, url: `${ims.url}/ims/token/v3` });
    expect(requests).toBe(3);
    expect(waits).toHaveLength(2);
  });

  it("reports an unanswered request as a timeout", async () => {
    const { auth } = s2s({ maxRetries: 0, timeoutMs: 100 });
    ims.failNext("token", { network: "hang" });
    const error = await auth.getToken().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthNetworkError);
    expect(error).toMatchObject({ timedOut: true, attempts: 1 });
  });

  it("reports an unreachable IMS", async () => {
    const { auth } = s2s({ maxRetries: 0, imsBaseUrl: "http://127.0.0.1:1" });
    expect(await auth.getToken().catch((e: unknown) => e)).toMatchObject({ name: "AuthNetworkError", timedOut: false });
  });
});

describe("configuration errors name the option, before any request", () => {
  const cases: Array<[string, () => unknown]> = [
    ["options", () => new ServerToServerAuth(undefined as never)],
    ["clientId", () => new ServerToServerAuth({ clientSecret: "x" } as never)],
    ["clientId", () => new ServerToServerAuth({ clientId: " ", clientSecret: "x" })],
    ["clientSecret", () => new ServerToServerAuth({ clientId: "id", clientSecret: "" })],
    ["clientSecret", () => new WebAppAuth({ ...WEB, clientSecret: undefined as never })],
    ["redirectUri", () => new WebAppAuth({ ...WEB, redirectUri: "http://example.com/cb" })],
    ["redirectUri", () => new WebAppAuth({ ...WEB, redirectUri: "https://example.com/cb#frag" })],
    ["redirectUri", () => new SPAAuth({ clientId: "id" } as never)],
    ["imsBaseUrl", () => new ServerToServerAuth({ ...S2S, imsBaseUrl: "http://ims.example.com" })],
    ["imsBaseUrl", () => new ServerToServerAuth({ ...S2S, imsBaseUrl: "https://ims.example.com/ims" })],
    ["timeoutMs", () => new ServerToServerAuth({ ...S2S, timeoutMs: 0 })],
    ["maxRetries", () => new ServerToServerAuth({ ...S2S, maxRetries: 1.5 })],
    ["refreshBufferSeconds", () => new ServerToServerAuth({ ...S2S, refreshBufferSeconds: -1 })],
    ["scopes", () => new ServerToServerAuth({ ...S2S, scopes: "" })],
    ["scopes", () => new ServerToServerAuth({ ...S2S, scopes: ["a b"] })],
    ["scopes", () => new WebAppAuth({ ...WEB, scopes: "openid frame.s2s.all" })],
    ["fetch", () => new ServerToServerAuth({ ...S2S, fetch: "no" as never })],
    ["onTokenRefreshed", () => new ServerToServerAuth({ ...S2S, onTokenRefreshed: 1 as never })],
    ["state", () => new WebAppAuth(WEB).getAuthorizationUrl("")],
    ["state", () => new WebAppAuth(WEB).getAuthorizationUrl("x".repeat(4097))],
    ["tokens", () => new WebAppAuth(WEB).importTokens(null as never)],
    ["tokens.accessToken", () => new WebAppAuth(WEB).importTokens({ expiresAt: "2026-01-01T00:00:00Z" } as never)],
    ["tokens.expiresAt", () => new WebAppAuth(WEB).importTokens({ accessToken: "a", expiresAt: "tomorrow" })],
    [
      "tokens.expiresAt",
      () => new WebAppAuth(WEB).importTokens({ accessToken: "a", expiresAt: 1767225600000 } as never),
    ],
    [
      "tokens.refreshToken",
      () =>
        new WebAppAuth(WEB).importTokens({
          accessToken: "a",
          expiresAt: "2026-01-01T00:00:00Z",
          refreshToken: 5,
        } as never),
    ],
  ];

  it.each(cases)("%s", (option, make) => {
    const before = ims.requests.length;
    let error: unknown;
    try {
      make();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AuthConfigurationError);
    expect(error).toBeInstanceOf(FrameioAuthError);
    expect(error).toBeInstanceOf(FrameioError);
    expect(error).toMatchObject({ option });
    expect((error as Error).message).toContain(`"${option}"`);
    expect(ims.requests.length).toBe(before);
  });

  it("exchangeCode() with an empty code rejects without a request", async () => {
    const before = ims.requests.length;
    await expect(new WebAppAuth({ ...WEB, imsBaseUrl: ims.url }).exchangeCode("")).rejects.toMatchObject({
      option: "code",
    });
    await expect(new SPAAuth({ ...SPA, imsBaseUrl: ims.url }).exchangeCode("", "v".repeat(43))).rejects.toMatchObject({
      option: "code",
    });
    expect(ims.requests.length).toBe(before);
  });
});
