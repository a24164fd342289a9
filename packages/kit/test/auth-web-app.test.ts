import type { ImsServer } from "@frameio-sdk/testing/ims-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ImsError, RefreshTokenMissingError, WebAppAuth } from "../src/index.js";
import { fakeClock, HOUR, signInWebApp, startIms, WEB } from "./auth-fixtures.js";

let ims: ImsServer;
beforeAll(async () => {
  ims = await startIms();
});
afterAll(() => ims.close());

const basic = `Basic ${Buffer.from(`${WEB.clientId}:${WEB.clientSecret}`).toString("base64")}`;
const newAuth = (extra: Partial<ConstructorParameters<typeof WebAppAuth>[0]> = {}) =>
  new WebAppAuth({ ...WEB, imsBaseUrl: ims.url, ...extra });

describe("WebAppAuth", () => {
  it("builds the IMS v2 authorize URL with comma-separated user scopes and no PKCE", () => {
    const url = new URL(newAuth().getAuthorizationUrl("xyz"));
    expect(url.origin + url.pathname).toBe(`${ims.url}/ims/authorize/v2`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: WEB.clientId,
      redirect_uri: WEB.redirectUri,
      scope: "openid,email,profile,offline_access,additional_info.roles",
      state: "xyz",
      response_type: "code",
    });
  });

  it("exchanges the code with HTTP Basic, keeping the secret out of the body", async () => {
    const auth = newAuth();
    const callback = await signInWebApp(auth, ims, "state-abc");
    expect(callback.origin + callback.pathname).toBe(WEB.redirectUri);
    expect(callback.searchParams.get("state")).toBe("state-abc");
    const request = ims.requests.at(-1);
    expect(request?.authorization).toBe(basic);
    expect(request?.form).toEqual({
      grant_type: "authorization_code",
      code: callback.searchParams.get("code"),
      redirect_uri: WEB.redirectUri,
    });
    const tokens = auth.exportTokens();
    expect(tokens?.refreshToken).toEqual(expect.any(String));
    expect(ims.isActive(await auth.getToken())).toBe(true);
  });

  it("refreshes with the refresh token and adopts the rotated one", async () => {
    const auth = newAuth();
    await signInWebApp(auth, ims);
    const before = auth.exportTokens();
    await auth.refresh();
    const request = ims.requests.at(-1);
    expect(request?.authorization).toBe(basic);
    expect(request?.form).toEqual({ grant_type: "refresh_token", refresh_token: before?.refreshToken });
    const after = auth.exportTokens();
    expect(after?.refreshToken).not.toBe(before?.refreshToken);
    expect(after?.accessToken).not.toBe(before?.accessToken);
    expect(ims.isRevoked(before?.refreshToken ?? "")).toBe(true);
  });

  it("refuses a code used twice with invalid_grant, without retrying", async () => {
    const auth = newAuth();
    const callback = await signInWebApp(auth, ims);
    const before = ims.tokenRequests().length;
    const error = await auth.exchangeCode(callback.searchParams.get("code") ?? "").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImsError);
    expect(error).toMatchObject({ status: 400, error: "invalid_grant", attempts: 1 });
    expect(ims.tokenRequests().length - before).toBe(1);
  });

  it("without offline_access there is no refresh token, and an expired token says so without a request", async () => {
    const clock = fakeClock();
    const auth = newAuth({ scopes: "openid email profile", now: clock.now });
    await signInWebApp(auth, ims);
    expect(auth.exportTokens()?.refreshToken).toBeUndefined();
    clock.advance(24 * HOUR);
    const before = ims.requests.length;
    await expect(auth.getToken()).rejects.toThrow(RefreshTokenMissingError);
    expect(ims.requests.length).toBe(before);
  });

  it("getToken() before sign-in fails with RefreshTokenMissingError", async () => {
    await expect(newAuth().getToken()).rejects.toThrow(/exchangeCode\(\) or load saved ones with importTokens\(\)/);
  });

  it("revoke() revokes refresh and access tokens at IMS and clears local state", async () => {
    const auth = newAuth();
    await signInWebApp(auth, ims);
    const tokens = auth.exportTokens();
    const before = ims.requests.length;
    await auth.revoke();
    const revokes = ims.requests.slice(before);
    expect(revokes.map((r) => [r.endpoint, r.form.token, r.authorization])).toEqual([
      ["revoke", tokens?.refreshToken, basic],
      ["revoke", tokens?.accessToken, basic],
    ]);
    expect(ims.isRevoked(tokens?.refreshToken ?? "")).toBe(true);
    expect(ims.isActive(tokens?.accessToken ?? "")).toBe(false);
    expect(auth.exportTokens()).toBeUndefined();
    await expect(auth.getToken()).rejects.toThrow(RefreshTokenMissingError);
  });

  it("exportTokens()/importTokens() carry a session to a new instance", async () => {
    const clock = fakeClock();
    const first = newAuth({ now: clock.now });
    await signInWebApp(first, ims);
    const saved = JSON.parse(JSON.stringify(first.exportTokens()));
    const second = newAuth({ now: clock.now });
    second.importTokens(saved);
    const before = ims.tokenRequests().length;
    expect(await second.getToken()).toBe(saved.accessToken);
    expect(ims.tokenRequests().length).toBe(before);
    clock.advance(24 * HOUR);
    const renewed = await second.getToken();
    expect(renewed).not.toBe(saved.accessToken);
    expect(ims.tokenRequests("refresh_token").at(-1)?.form.refresh_token).toBe(saved.refreshToken);
  });
});
