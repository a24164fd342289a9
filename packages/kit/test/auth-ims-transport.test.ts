import { type FaultServer, startFaultServer } from "@frameio-sdk/testing/fault-server";
import type { ImsServer } from "@frameio-sdk/testing/ims-server";
import { afterEach, describe, expect, it } from "vitest";
import { AuthNetworkError, type ExportedTokens, ImsError, ServerToServerAuth, WebAppAuth } from "../src/index.js";
import { createTransport, resolveRetryPolicy } from "../src/internal.js";
import { fakeClock, HOUR, recordingSleep, S2S, signInWebApp, startIms, WEB } from "./auth-fixtures.js";

let ims: ImsServer | undefined;
let elsewhere: FaultServer | undefined;
afterEach(async () => {
  await Promise.all([ims?.close(), elsewhere?.close()]);
  ims = undefined;
  elsewhere = undefined;
});

describe("IMS requests go through the transport and never follow redirects", () => {
  for (const status of [301, 302, 307, 308]) {
    it(`a ${status} from the token endpoint is an ImsError; the secret is posted nowhere else`, async () => {
      ims = await startIms();
      elsewhere = await startFaultServer();
      ims.failNext("token", { status, headers: { location: `${elsewhere.url}/steal` } });
      const auth = new ServerToServerAuth({ ...S2S, imsBaseUrl: ims.url, sleep: recordingSleep().sleep });
      const failure = await auth.getToken().catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(ImsError);
      expect((failure as ImsError).error).toBe("unexpected_redirect");
      expect((failure as Error).message).toContain(`${elsewhere.url}/steal`);
      expect(elsewhere.requests).toHaveLength(0);
      expect(ims.tokenRequests()).toHaveLength(1);
      expect(String((failure as Error).stack)).not.toContain(S2S.clientSecret);
    });
  }

  it("a malformed token response is an ImsError naming the fields, never their values", async () => {
    ims = await startIms();
    const leaked = "leaked-refresh-token-VALUE";
    ims.failNext("token", { status: 200, body: { access_token: 42, expires_in: "soon", refresh_token: { leaked } } });
    const auth = new ServerToServerAuth({ ...S2S, imsBaseUrl: ims.url });
    const failure = await auth.getToken().catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ImsError);
    const error = failure as ImsError;
    expect(error.error).toBe("invalid_response");
    expect(error.message).toContain("access_token");
    expect(error.message).toContain("expires_in");
    for (const text of [error.message, String(error.stack), JSON.stringify(error)]) {
      expect(text).not.toContain(leaked);
      expect(text).not.toContain(S2S.clientSecret);
    }
  });

  it("an IMS answer cut off mid-body on every attempt is an AuthNetworkError that says so", async () => {
    elsewhere = await startFaultServer();
    elsewhere.script(
      "POST /ims/token/v3",
      [0, 1, 2].map(() => ({ kind: "reset" as const, when: "mid-body" as const })),
    );
    const auth = new ServerToServerAuth({ ...S2S, imsBaseUrl: elsewhere.url, sleep: recordingSleep().sleep });
    const failure = await auth.getToken().catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(AuthNetworkError);
    expect(failure).toMatchObject({ timedOut: false, attempts: 3 });
    expect((failure as Error).message).toMatch(/failed while reading the response body \(3 attempts\)$/);
    expect(String((failure as Error).stack)).not.toContain(S2S.clientSecret);
  });

  it("accepts expires_in sent as a numeric string", async () => {
    ims = await startIms();
    ims.failNext("token", { status: 200, body: { access_token: "at-1", expires_in: "3600", token_type: "bearer" } });
    const auth = new ServerToServerAuth({ ...S2S, imsBaseUrl: ims.url });
    expect(await auth.getToken()).toBe("at-1");
  });
});

describe("onTokenRefreshed holds the new tokens until it resolves", () => {
  async function signedIn(onTokenRefreshed: (tokens: ExportedTokens) => void | Promise<void>) {
    ims = await startIms();
    const clock = fakeClock();
    let hook: (tokens: ExportedTokens) => void | Promise<void> = () => undefined;
    const auth = new WebAppAuth({ ...WEB, imsBaseUrl: ims.url, now: clock.now, onTokenRefreshed: (t) => hook(t) });
    await signInWebApp(auth, ims);
    hook = onTokenRefreshed;
    return { auth, clock, server: ims };
  }

  it("a call made while the callback runs gets the new token only after the callback resolved", async () => {
    let release: () => void = () => undefined;
    let entered: () => void = () => undefined;
    const callbackRunning = new Promise<void>((resolve) => {
      entered = resolve;
    });
    const saved: string[] = [];
    const { auth, clock } = await signedIn(
      (tokens) =>
        new Promise<void>((resolve) => {
          release = () => {
            saved.push(tokens.accessToken);
            resolve();
          };
          entered();
        }),
    );
    clock.advance(24 * HOUR);
    const first = auth.getToken();
    await callbackRunning;
    let secondSettled = false;
    const second = auth.getToken().then((token) => {
      secondSettled = true;
      return token;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(secondSettled).toBe(false);
    release();
    const [a, b] = await Promise.all([first, second]);
    expect(saved).toEqual([a]);
    expect(b).toBe(a);
  });

  it("when the callback throws, waiting calls get its error and the unsaved tokens are not used", async () => {
    const boom = new Error("disk full");
    const { auth, clock, server } = await signedIn(() => {
      throw boom;
    });
    const before = auth.exportTokens();
    clock.advance(24 * HOUR);
    const results = await Promise.allSettled([auth.getToken(), auth.getToken()]);
    expect(results.map((r) => (r.status === "rejected" ? r.reason : r.value))).toEqual([boom, boom]);
    expect(auth.exportTokens()).toEqual(before);
    expect(server.tokenRequests("refresh_token")).toHaveLength(1);
  });
});

describe("401 renewal through the transport", () => {
  it("1000 concurrent calls refused with the same token lead to one IMS renewal, then all succeed", async () => {
    ims = await startIms();
    elsewhere = await startFaultServer();
    const api = elsewhere;
    const auth = new ServerToServerAuth({ ...S2S, imsBaseUrl: ims.url });
    const first = await auth.getToken();
    api.fallback((request) =>
      request.headers.authorization === `Bearer ${first}`
        ? { status: 401, body: {} }
        : { status: 200, body: { data: {} } },
    );
    const send = createTransport({
      baseUrl: api.url,
      token: auth,
      timeoutMs: 30_000,
      retry: resolveRetryPolicy({ maxRetries: 0 }),
    });
    const before = ims.tokenRequests().length;
    const responses = await Promise.all(Array.from({ length: 1000 }, () => send(new Request(`${api.url}/v4/me`))));
    expect(responses.every((response) => response.status === 200)).toBe(true);
    expect(ims.tokenRequests().length - before).toBe(1);
    // 2 000 loopback requests: generous on a busy 2-core machine; the assertion is the outcome, not the time.
  }, 120_000);
});
