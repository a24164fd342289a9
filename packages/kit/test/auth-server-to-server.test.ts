import type { ImsServer } from "@frameio-sdk/testing/ims-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ExportedTokens, ImsError, ServerToServerAuth } from "../src/index.js";
import { isTokenProvider } from "../src/internal.js";
import { fakeClock, S2S, startIms } from "./auth-fixtures.js";

let ims: ImsServer;
beforeAll(async () => {
  ims = await startIms({ tokenTtlSeconds: 3600 });
});
afterAll(() => ims.close());

const newAuth = (extra: Partial<ConstructorParameters<typeof ServerToServerAuth>[0]> = {}) =>
  new ServerToServerAuth({ ...S2S, imsBaseUrl: ims.url, ...extra });

describe("ServerToServerAuth", () => {
  it("fetches a client_credentials token with the secret as form fields and comma-separated default scopes", async () => {
    const auth = newAuth();
    const before = ims.requests.length;
    await auth.authenticate();
    const [request] = ims.requests.slice(before);
    expect(request?.form).toEqual({
      grant_type: "client_credentials",
      client_id: S2S.clientId,
      client_secret: S2S.clientSecret,
      scope: "openid,AdobeID,frame.s2s.all",
    });
    expect(request?.authorization).toBeUndefined();
    expect(ims.isActive(await auth.getToken())).toBe(true);
  });

  it("getToken() authenticates on first use and then serves the cached token", async () => {
    const auth = newAuth();
    const before = ims.tokenRequests().length;
    const first = await auth.getToken();
    const second = await auth.getToken();
    expect(second).toBe(first);
    expect(ims.tokenRequests().length - before).toBe(1);
  });

  it("renews only once the token is within refreshBufferSeconds of expiry", async () => {
    const clock = fakeClock();
    const auth = newAuth({ now: clock.now, refreshBufferSeconds: 300 });
    const first = await auth.getToken();
    const before = ims.tokenRequests().length;
    clock.advance((3600 - 301) * 1000);
    expect(await auth.getToken()).toBe(first);
    expect(ims.tokenRequests().length).toBe(before);
    clock.advance(2000);
    const renewed = await auth.getToken();
    expect(renewed).not.toBe(first);
    expect(ims.tokenRequests().length).toBe(before + 1);
    expect(auth.exportTokens()?.expiresAt).toBe(new Date(clock.now() + 3600_000).toISOString());
  });

  it("accepts scopes as an array or a space/comma string and sends them comma-separated", async () => {
    for (const scopes of [["openid", "AdobeID"], "openid AdobeID", "openid, AdobeID"]) {
      const auth = newAuth({ scopes });
      await auth.authenticate();
      expect(ims.requests.at(-1)?.form.scope).toBe("openid,AdobeID");
    }
  });

  it("reports a wrong secret as an IMS invalid_client error without retrying", async () => {
    const auth = newAuth({ clientSecret: "wrong" });
    const before = ims.tokenRequests().length;
    const error = await auth.getToken().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImsError);
    expect(error).toMatchObject({ status: 401, error: "invalid_client", endpoint: "token", attempts: 1 });
    expect(ims.tokenRequests().length - before).toBe(1);
  });

  it("calls onTokenRefreshed once per new token, with an absolute expiry", async () => {
    const clock = fakeClock();
    const seen: ExportedTokens[] = [];
    const auth = newAuth({ now: clock.now, onTokenRefreshed: (tokens) => void seen.push(tokens) });
    await auth.getToken();
    await auth.getToken();
    clock.advance(3600_000);
    await auth.getToken();
    expect(seen).toHaveLength(2);
    expect(seen[1]).toEqual(auth.exportTokens());
    expect(seen[1]?.refreshToken).toBeUndefined();
  });

  it("revoke() revokes the access token at IMS and forgets it locally", async () => {
    const auth = newAuth();
    const token = await auth.getToken();
    await auth.revoke();
    expect(ims.isRevoked(token)).toBe(true);
    expect(ims.requests.at(-1)).toMatchObject({ endpoint: "revoke", form: { token, client_id: S2S.clientId } });
    expect(auth.exportTokens()).toBeUndefined();
    const next = await auth.getToken();
    expect(next).not.toBe(token);
    expect(ims.isActive(next)).toBe(true);
  });

  it("is a TokenProvider whose invalidate() forces a new token", async () => {
    const auth = newAuth();
    expect(isTokenProvider(auth)).toBe(true);
    const first = await auth.getToken();
    auth.invalidate();
    expect(await auth.getToken()).not.toBe(first);
  });
});
