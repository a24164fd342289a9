import type { ImsServer } from "@frameio-sdk/testing/ims-server";
import { afterEach, describe, expect, it } from "vitest";
import {
  type ExportedTokens,
  ImsError,
  RefreshTokenExpiredError,
  ServerToServerAuth,
  WebAppAuth,
} from "../src/index.js";
import { fakeClock, HOUR, recordingSleep, S2S, signInWebApp, startIms, WEB } from "./auth-fixtures.js";

const N = 1000;
let ims: ImsServer | undefined;
afterEach(async () => {
  await ims?.close();
  ims = undefined;
});

async function signedIn(
  options: Parameters<typeof startIms>[0] = {},
  extra: Partial<ConstructorParameters<typeof WebAppAuth>[0]> = {},
) {
  const server = await startIms(options);
  ims = server;
  const clock = fakeClock();
  const persisted: ExportedTokens[] = [];
  const auth = new WebAppAuth({
    ...WEB,
    imsBaseUrl: server.url,
    now: clock.now,
    sleep: recordingSleep().sleep,
    onTokenRefreshed: (tokens) => void persisted.push(tokens),
    ...extra,
  });
  await signInWebApp(auth, server);
  return { ims: server, clock, auth, persisted };
}

const concurrently = <T>(call: () => Promise<T>) => Promise.allSettled(Array.from({ length: N }, call));

describe("single flight", () => {
  it(`${N} concurrent getToken() calls at expiry make one refresh request and share its token`, async () => {
    const { ims, clock, auth, persisted } = await signedIn();
    const old = auth.exportTokens();
    clock.advance(24 * HOUR);
    const before = ims.tokenRequests().length;
    const results = await concurrently(() => auth.getToken());
    expect(ims.tokenRequests().length - before).toBe(1);
    const tokens = new Set(results.map((r) => (r.status === "fulfilled" ? r.value : "rejected")));
    expect([...tokens]).toEqual([auth.exportTokens()?.accessToken]);
    expect(tokens.has(old?.accessToken ?? "")).toBe(false);
    expect(persisted).toHaveLength(2); // sign-in, then exactly one refresh
  });

  it(`${N} concurrent server-to-server getToken() calls at expiry make one token request`, async () => {
    ims = await startIms();
    const clock = fakeClock();
    const auth = new ServerToServerAuth({ ...S2S, imsBaseUrl: ims.url, now: clock.now });
    await auth.authenticate();
    clock.advance(24 * HOUR);
    const before = ims.tokenRequests().length;
    const results = await concurrently(() => auth.getToken());
    expect(ims.tokenRequests().length - before).toBe(1);
    expect(results.every((r) => r.status === "fulfilled" && r.value === auth.exportTokens()?.accessToken)).toBe(true);
  });

  it(`invalidate() then ${N} concurrent getToken() calls make one token request`, async () => {
    const { ims, auth } = await signedIn();
    const old = await auth.getToken();
    auth.invalidate();
    const before = ims.tokenRequests().length;
    const results = await concurrently(() => auth.getToken());
    expect(ims.tokenRequests().length - before).toBe(1);
    expect(new Set(results.map((r) => r.status === "fulfilled" && r.value)).size).toBe(1);
    expect(results[0]).not.toEqual({ status: "fulfilled", value: old });
  });

  it("a failed refresh rejects every waiting caller with the same error, and the next call tries again", async () => {
    const { ims, clock, auth, persisted } = await signedIn({}, { maxRetries: 0 });
    const saved = auth.exportTokens();
    clock.advance(24 * HOUR);
    ims.failNext("token", { status: 503, body: { error: "temporarily_unavailable" } });
    const before = ims.tokenRequests().length;
    const results = await concurrently(() => auth.getToken());
    const reasons = new Set(results.map((r) => (r.status === "rejected" ? r.reason : "fulfilled")));
    expect(reasons.size).toBe(1);
    const [reason] = reasons;
    expect(reason).toBeInstanceOf(ImsError);
    expect(reason).toMatchObject({ status: 503, error: "temporarily_unavailable" });
    expect(auth.exportTokens()).toEqual(saved); // a failure changes nothing
    expect(ims.tokenRequests().length - before).toBe(1);

    const token = await auth.getToken();
    expect(ims.tokenRequests().length - before).toBe(2);
    expect(ims.isActive(token)).toBe(true);
    expect(persisted).toHaveLength(2);
  });

  it("an expired refresh token surfaces as RefreshTokenExpiredError (invalid_grant), not retried", async () => {
    const { ims, clock, auth } = await signedIn();
    ims.expireRefreshTokens();
    clock.advance(24 * HOUR);
    const before = ims.tokenRequests().length;
    const error = await auth.getToken().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RefreshTokenExpiredError);
    expect(error).toMatchObject({ status: 400, error: "invalid_grant", attempts: 1 });
    expect(ims.tokenRequests().length - before).toBe(1);
  });
});

describe("rotation", () => {
  it("replaces access and rotated refresh token together and announces each new set once", async () => {
    const { ims, auth, persisted } = await signedIn();
    for (let i = 0; i < 3; i++) await auth.refresh();
    expect(persisted).toHaveLength(4);
    const refreshTokens = persisted.map((t) => t.refreshToken);
    expect(new Set(refreshTokens).size).toBe(4);
    expect(persisted.at(-1)).toEqual(auth.exportTokens());
    // Each refresh used the token issued by the one before it.
    const used = ims.tokenRequests("refresh_token").map((r) => r.form.refresh_token);
    expect(used).toEqual(refreshTokens.slice(0, 3));
    for (const old of refreshTokens.slice(0, 3)) expect(ims.isRevoked(old ?? "")).toBe(true);
  });

  it.each(["omit", "reuse"] as const)(
    "keeps the refresh token when IMS does not rotate it (%s)",
    async (refreshTokens) => {
      const { auth } = await signedIn({ refreshTokens });
      const first = auth.exportTokens();
      await auth.refresh();
      await auth.refresh();
      const last = auth.exportTokens();
      expect(last?.refreshToken).toBe(first?.refreshToken);
      expect(last?.accessToken).not.toBe(first?.accessToken);
    },
  );

  it("awaits onTokenRefreshed, so a rotated token is persisted before getToken() returns", async () => {
    let stored: ExportedTokens | undefined;
    const { clock, auth } = await signedIn(
      {},
      {
        onTokenRefreshed: async (tokens) => {
          await new Promise((resolve) => setImmediate(resolve));
          stored = tokens;
        },
      },
    );
    clock.advance(24 * HOUR);
    const token = await auth.getToken();
    expect(stored?.accessToken).toBe(token);
  });

  it("a refresh started before revoke() cannot bring the old session back", async () => {
    const { ims, clock, auth } = await signedIn();
    clock.advance(24 * HOUR);
    const pending = auth.getToken();
    await auth.revoke();
    const token = await pending;
    expect(auth.exportTokens()).toBeUndefined();
    expect(ims.isActive(token)).toBe(false);
  });
});
